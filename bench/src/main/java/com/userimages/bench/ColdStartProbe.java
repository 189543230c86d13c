package com.userimages.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.core.ApiFunction;
import java.util.Arrays;

/**
 * Runs inside a fresh JVM whose class path is the Lambda jar plus this module's classes: measures
 * what a Lambda cold start pays in our code (handler class load and construction = the init phase),
 * the first invocation, then warm invocations. Prints one line: {@code function initMs firstMs warmP50Ms heapMb status}.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    public static void main(String[] args) throws Exception {
        ApiFunction function = ApiFunction.byName(args[0]);
        String user = args[1];
        String collectionId = args[2];

        long t0 = System.nanoTime();
        @SuppressWarnings("unchecked")
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Class.forName(function.handlerClassName()).getDeclaredConstructor().newInstance();
        long t1 = System.nanoTime();
        APIGatewayV2HTTPEvent event = BenchEvents.forFunction(function, user, collectionId);
        APIGatewayV2HTTPResponse first = handler.handleRequest(event, null);
        long t2 = System.nanoTime();

        int warmRuns = 30;
        long[] warm = new long[warmRuns];
        for (int i = 0; i < warmRuns; i++) {
            long s = System.nanoTime();
            handler.handleRequest(BenchEvents.forFunction(function, user, collectionId), null);
            warm[i] = System.nanoTime() - s;
        }
        Arrays.sort(warm);
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        System.out.printf(java.util.Locale.ROOT, "%s %.1f %.1f %.2f %d %d%n", function.functionName(),
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, warm[warmRuns / 2] / 1e6, heapMb, first.getStatusCode());
    }
}
