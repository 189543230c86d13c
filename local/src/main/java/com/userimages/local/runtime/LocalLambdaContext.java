package com.userimages.local.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.userimages.contract.ApiFunction;
import com.userimages.local.gateway.HttpEventFactory;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The Lambda {@link Context} of one local invocation: its own request id, a deadline, a logger. */
final class LocalLambdaContext implements Context {
    private final ApiFunction function;
    private final String requestId;
    private final String region;
    private final long deadlineNanos;
    private final int memoryLimitMb;
    private final LambdaLogger logger;

    LocalLambdaContext(ApiFunction function, String requestId, String region, Duration timeout, int memoryLimitMb,
                       PrintStream log) {
        this.function = function;
        this.requestId = requestId;
        this.region = region;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.memoryLimitMb = memoryLimitMb;
        this.logger = new PrefixedLogger(log, "[" + function.functionName() + " " + requestId + "] ");
    }

    @Override public String getAwsRequestId() { return requestId; }

    @Override public String getLogGroupName() { return "/aws/lambda/" + function.functionName(); }

    @Override public String getLogStreamName() { return "local/[$LATEST]" + requestId.replace("-", ""); }

    @Override public String getFunctionName() { return function.functionName(); }

    @Override public String getFunctionVersion() { return "$LATEST"; }

    @Override public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + HttpEventFactory.ACCOUNT_ID + ":function:" + function.functionName();
    }

    @Override public CognitoIdentity getIdentity() { return null; }

    @Override public ClientContext getClientContext() { return null; }

    @Override public int getRemainingTimeInMillis() {
        long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override public int getMemoryLimitInMB() { return memoryLimitMb; }

    @Override public LambdaLogger getLogger() { return logger; }

    /** One line per log call, tagged with the function and request, as CloudWatch shows them. */
    private record PrefixedLogger(PrintStream out, String prefix) implements LambdaLogger {
        @Override
        public void log(String message) {
            String text = message == null ? "null" : message.stripTrailing();
            synchronized (out) {
                for (String line : text.split("\n", -1)) out.println(prefix + line);
            }
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
