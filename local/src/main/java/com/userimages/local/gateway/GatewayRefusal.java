package com.userimages.local.gateway;

/**
 * A request body a wrapper stopped reading, as the failure of the body's content: the handler that
 * reads the body answers with what the wrapper decided, so no limit is judged twice.
 */
final class GatewayRefusal extends Exception {
    private final transient GatewayEndpoint.Handled answer;

    GatewayRefusal(GatewayEndpoint.Handled answer) {
        super(answer.note(), null, false, false);
        this.answer = answer;
    }

    GatewayEndpoint.Handled answer() { return answer; }
}
