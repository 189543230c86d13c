package com.userimages.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One handler instance per function, created on first use — as Lambda keeps one initialised
 * execution environment warm. Loaded by class name so nothing here links against the handlers, and
 * lazily so that no handler's static initialiser (SDK clients, settings) runs before
 * {@link FunctionSettings#apply} has set the system properties.
 */
final class HandlerRegistry {
    /** The handlers as they run in Lambda. */
    static final Function<ApiFunction, String> DEPLOYED = ApiFunction::handlerClassName;

    private final Function<ApiFunction, String> classNames;
    private final Map<ApiFunction, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers =
            new ConcurrentHashMap<>();

    /** @param classNames the handler class of each function; tests substitute their own */
    HandlerRegistry(Function<ApiFunction, String> classNames) {
        this.classNames = classNames;
    }

    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(ApiFunction function) {
        return handlers.computeIfAbsent(function, this::instantiate);
    }

    @SuppressWarnings("unchecked")
    private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> instantiate(ApiFunction function) {
        String className = classNames.apply(function);
        Object instance;
        try {
            Class<?> type = Class.forName(className, true, HandlerRegistry.class.getClassLoader());
            instance = type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new HandlerUnavailableException(function, className + " is not on the class path", e);
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            throw new HandlerUnavailableException(function, className + " failed to initialise: " + cause, cause);
        }
        if (!(instance instanceof RequestHandler<?, ?> handler)) {
            throw new HandlerUnavailableException(function, className + " is not a RequestHandler", null);
        }
        return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler;
    }

    /** The function could not be loaded: an init error, as Lambda reports Runtime.ImportModuleError and the like. */
    static final class HandlerUnavailableException extends RuntimeException {
        HandlerUnavailableException(ApiFunction function, String message, Throwable cause) {
            super(function.functionName() + ": " + message, cause);
        }
    }
}
