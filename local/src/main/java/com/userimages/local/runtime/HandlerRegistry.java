package com.userimages.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.Settings;
import com.userimages.handlers.AppendCollectionHandler;
import com.userimages.handlers.CreateTableHandler;
import com.userimages.handlers.DeleteItemHandler;
import com.userimages.wiring.FunctionComponents;
import com.userimages.handlers.GetItemHandler;
import com.userimages.handlers.ListPageHandler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One handler instance per function, created on first use — as Lambda keeps one initialised
 * execution environment warm — and constructed with this server's own wiring, so servers with
 * different settings can share a JVM.
 */
public final class HandlerRegistry {
    /** Makes a function's handler from the hosted functions' wiring. */
    @FunctionalInterface
    public interface Factory {
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> create(ApiFunction function, FunctionComponents components);
    }

    /** The handlers as they run in Lambda (each class is the one {@link ApiFunction#handlerClassName()} names). */
    public static final Factory DEPLOYED = (function, components) -> switch (function) {
        case CREATE_TABLE -> new CreateTableHandler(components);
        case APPEND_COLLECTION -> new AppendCollectionHandler(components);
        case GET_ITEM -> new GetItemHandler(components);
        case LIST_PAGE -> new ListPageHandler(components);
        case DELETE_ITEM -> new DeleteItemHandler(components);
    };

    private final Factory factory;
    private final FunctionComponents components;
    private final Map<ApiFunction, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers =
            new ConcurrentHashMap<>();

    /** @param factory the handler of each function; tests substitute their own */
    public HandlerRegistry(Factory factory, FunctionComponents components) {
        this.factory = factory;
        this.components = components;
    }

    /** The settings the hosted functions run with. */
    Settings settings() { return components.settings(); }

    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(ApiFunction function) {
        return handlers.computeIfAbsent(function, this::instantiate);
    }

    private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> instantiate(ApiFunction function) {
        try {
            return factory.create(function, components);
        } catch (RuntimeException | LinkageError e) {
            throw new HandlerUnavailableException(function, function.handlerClassName() + " failed to initialise: " + e, e);
        }
    }

    /** The function could not be initialised: an init error, as Lambda reports Runtime.ImportModuleError and the like. */
    static final class HandlerUnavailableException extends RuntimeException {
        HandlerUnavailableException(ApiFunction function, String message, Throwable cause) {
            super(function.functionName() + ": " + message, cause);
        }
    }
}
