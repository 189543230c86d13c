package com.userimages.infra;

import java.util.Arrays;
import software.amazon.awscdk.services.codedeploy.ILambdaDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;

/**
 * How a stage moves its {@code live} aliases to a new function version: at once (the alias is simply
 * updated, as without any pipeline) or through CodeDeploy, a share of the traffic first, the rest
 * only if the function's error alarm and the API's 5xx alarm stay quiet meanwhile.
 */
enum TrafficShifting {
    ALL_AT_ONCE("all-at-once"),
    /** 10 % of the invocations for 5 minutes, then all. */
    CANARY("canary");

    private final String setting;

    TrafficShifting(String setting) {
        this.setting = setting;
    }

    String setting() {
        return setting;
    }

    /** Present only for a gradual shift. */
    ILambdaDeploymentConfig deploymentConfig() {
        return this == CANARY ? LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES : LambdaDeploymentConfig.ALL_AT_ONCE;
    }

    static TrafficShifting parse(String key, String value) {
        return Arrays.stream(values()).filter(t -> t.setting.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(key + " is all-at-once or canary, was '" + value + "'"));
    }
}
