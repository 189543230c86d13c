package com.userimages.core.priming;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.RouteScopes;
import com.userimages.contract.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Invoke priming for SnapStart: just before the snapshot, the handler serves its own
 * {@link PrimingRequests priming request} once, so the classes, JIT work and connections of a real
 * request are in the snapshot instead of on the first caller's request. On a JVM without CRaC
 * (tests, the local server, Lambda without SnapStart) the hook never runs.
 */
public final class SnapStartPriming implements Resource {
    // org.crac keeps registered resources only weakly: this keeps them for the container's life.
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private final List<Runnable> steps;

    SnapStartPriming(List<Runnable> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * Registers the handler of {@code function} to prime itself before a checkpoint: its priming
     * request, then {@code localSteps}, work that request cannot reach because it finds no data
     * (signing an uploaded image's URL), each local-only and run even when an earlier step failed.
     */
    public static void register(ApiFunction function, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                List<Runnable> localSteps) {
        PrimingRequests.forFunction(function, RouteScopes.from(Settings.fromEnvironment())).ifPresent(event -> {
            List<Runnable> steps = new ArrayList<>();
            steps.add(() -> handler.handleRequest(event, null));
            steps.addAll(localSteps);
            SnapStartPriming resource = new SnapStartPriming(steps);
            REGISTERED.add(resource);
            Core.getGlobalContext().register(resource);
        });
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                // Priming only moves work earlier; a failure here must never cost the snapshot itself.
                System.err.println("priming step skipped: " + e);
            }
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the SDK re-resolves credentials and reopens connections as needed.
    }
}
