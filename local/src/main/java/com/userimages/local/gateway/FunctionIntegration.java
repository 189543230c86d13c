package com.userimages.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;

/** How the gateway reaches a function (the server wires in the local Lambda runtime). */
@FunctionalInterface
public interface FunctionIntegration {

    Outcome invoke(ApiFunction function, APIGatewayV2HTTPEvent event);

    /**
     * @param response the function's response; null when it failed
     * @param failure  for the console, what went wrong; null unless it failed
     */
    record Outcome(APIGatewayV2HTTPResponse response, String failure) {
        public static Outcome of(APIGatewayV2HTTPResponse response) { return new Outcome(response, null); }

        public static Outcome failed(String failure) { return new Outcome(null, failure); }

        public boolean failed() { return response == null; }
    }
}
