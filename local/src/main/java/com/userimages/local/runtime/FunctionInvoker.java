package com.userimages.local.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.Settings;
import com.userimages.core.data.AwsClients;

import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;

/** Runs a function on an event the way the Lambda runtime does: a fresh Context, errors caught and reported. */
public final class FunctionInvoker {
    /** API Gateway's HTTP API gives an integration 30 s; no function here may count on more. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final int MEMORY_MB = 1024;

    private final HandlerRegistry handlers;
    private final PrintStream log;

    public FunctionInvoker(HandlerRegistry handlers, PrintStream log) {
        this.handlers = handlers;
        this.log = log;
    }

    /** The settings the functions run with. */
    Settings settings() { return handlers.settings(); }

    /** The response, or the error the function (or its initialisation) ended with. */
    public record Invocation(String requestId, APIGatewayV2HTTPResponse response, Throwable error) {
        public boolean failed() { return error != null; }
    }

    public Invocation invoke(ApiFunction function, APIGatewayV2HTTPEvent event) {
        String requestId = UUID.randomUUID().toString();
        try {
            var handler = handlers.handler(function);
            String region = AwsClients.region(handlers.settings());
            var context = new LocalLambdaContext(function, requestId, region, TIMEOUT, MEMORY_MB, log);
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
            if (response == null) {
                return new Invocation(requestId, null, new IllegalStateException(function.functionName() + " returned null"));
            }
            return new Invocation(requestId, response, null);
        } catch (RuntimeException | Error e) {
            // The runtime logs an unhandled error and API Gateway answers 500; the same here, with the trace
            // on the console where the developer looks — never in the response.
            synchronized (log) {
                log.println("[" + function.functionName() + " " + requestId + "] unhandled error:");
                e.printStackTrace(log);
            }
            return new Invocation(requestId, null, e);
        }
    }
}
