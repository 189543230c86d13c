package com.userimages.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.core.priming.PrimingRequests;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs inside a fresh JVM whose class path is the Lambda jar plus this module's classes: measures
 * what a Lambda cold start pays in our code (handler class load and construction = the init phase),
 * optionally the priming SnapStart runs before its snapshot, the first real invocation, then warm
 * ones. Prints {@code FIRST status} the moment the first response is there (the parent times the
 * process up to that line), then {@code RESULT initMs primeMs firstMs warmP50Ms heapMb status}.
 * Mode {@code phases} also prints {@code PHASES uptimeAfterInitMs uptimeAfterFirstMs}, to split a
 * {@code -Xlog:class+load} log by phase; it loads java.lang.management first, so it is never timed.
 *
 * <p>Not measured, because it is not ours: in Lambda the runtime deserializes the event (its own
 * Jackson, its own classes) before the handler runs; here the event is built as an object.
 */
public final class ColdStartProbe {
    private static final int WARM_RUNS = 30;

    private ColdStartProbe() {}

    public static void main(String[] args) throws Exception {
        ApiFunction function = ApiFunction.byName(args[0]).orElseThrow(() -> new IllegalArgumentException("unknown function: " + args[0]));
        String user = args[1];
        String collectionId = args[2];
        String mode = args.length > 3 ? args[3] : "cold";
        boolean primed = mode.equals("primed");
        boolean phases = mode.equals("phases");
        var runtime = phases ? ManagementFactory.getRuntimeMXBean() : null;

        long t0 = System.nanoTime();
        @SuppressWarnings("unchecked")
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Class.forName(function.handlerClassName()).getDeclaredConstructor().newInstance();
        long t1 = System.nanoTime();
        long uptimeAfterInit = phases ? runtime.getUptime() : 0;
        // What SnapStart's beforeCheckpoint hook does; its cost is paid before the snapshot, not by a caller.
        if (primed) PrimingRequests.forFunction(function).ifPresent(event -> handler.handleRequest(event, null));
        long t2 = System.nanoTime();
        APIGatewayV2HTTPResponse first = handler.handleRequest(BenchEvents.forFunction(function, user, collectionId), null);
        long t3 = System.nanoTime();
        long uptimeAfterFirst = phases ? runtime.getUptime() : 0;
        System.out.println("FIRST " + first.getStatusCode());
        System.out.flush();

        long[] warm = new long[WARM_RUNS];
        for (int i = 0; i < WARM_RUNS; i++) {
            long s = System.nanoTime();
            handler.handleRequest(BenchEvents.forFunction(function, user, collectionId), null);
            warm[i] = System.nanoTime() - s;
        }
        Arrays.sort(warm);
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        if (phases) System.out.println("PHASES " + uptimeAfterInit + " " + uptimeAfterFirst);
        System.out.printf(Locale.ROOT, "RESULT %.1f %.1f %.1f %.2f %d %d%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, warm[WARM_RUNS / 2] / 1e6, heapMb, first.getStatusCode());
    }
}
