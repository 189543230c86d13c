package com.userimages.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs calls as close to simultaneously as threads allow: all wait on one latch, then go. */
public final class Race {
    public static final int THREADS = 8;

    private Race() {}

    /** {@code count} calls on 8 threads, released together; the responses in call order. */
    public static List<APIGatewayV2HTTPResponse> run(int count, IntFunction<APIGatewayV2HTTPResponse> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit((Callable<APIGatewayV2HTTPResponse>) () -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            start.countDown();
            List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
            for (Future<APIGatewayV2HTTPResponse> f : futures) responses.add(f.get(120, TimeUnit.SECONDS));
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
