package com.userimages.infra;

import com.userimages.contract.ApiRoute;
import com.userimages.contract.Cors;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteKey;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The HTTP API: every route of {@link ApiRoute} behind the JWT authorizer with the scopes
 * {@link com.userimages.contract.RouteScopes} gives it (so that only access tokens pass: an ID token
 * carries an audience but no scope), each integrated with its function's alias. Permissions to invoke are added per route by the integration, scoped to this
 * API and that route's path.
 */
final class UserImagesHttpApi extends Construct {
    static final String STAGE_NAME = "$default";
    static final String AUTHORIZER_NAME = "jwt";

    /** HTTP API context variables (not the REST API's): one JSON line per request. */
    static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\","
            + "\"ip\":\"$context.identity.sourceIp\","
            + "\"requestTime\":\"$context.requestTime\","
            + "\"routeKey\":\"$context.routeKey\","
            + "\"status\":\"$context.status\","
            + "\"protocol\":\"$context.protocol\","
            + "\"responseLength\":\"$context.responseLength\","
            + "\"responseLatency\":\"$context.responseLatency\","
            + "\"integrationStatus\":\"$context.integrationStatus\","
            + "\"integrationLatency\":\"$context.integrationLatency\","
            + "\"integrationError\":\"$context.integrationErrorMessage\","
            + "\"authorizerError\":\"$context.authorizer.error\"}";

    private final HttpApi api;
    private final HttpStage stage;
    private final LogGroup accessLogs;

    /** {@code signIn} is null unless the stack creates its own user pool. */
    UserImagesHttpApi(Construct scope, String id, StackConfig config, LambdaFunctions functions, UserPoolSignIn signIn) {
        super(scope, id);
        HttpApi.Builder builder = HttpApi.Builder.create(this, "Api")
                .apiName("user-images")
                .description("user-images: per-user image collections")
                // Our own $default stage below, with throttling and access logs.
                .createDefaultStage(false);
        if (config.corsEnabled()) builder.corsPreflight(cors(config.corsAllowOrigins()));
        api = builder.build();

        accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(LambdaFunctions.LOG_RETENTION)
                .build();
        stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName(STAGE_NAME)
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(config.throttleRateLimit())
                        .burstLimit(config.throttleBurstLimit())
                        .build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
                    }
                })
                .build();

        // With the stack's own user pool it is the only issuer trusted; otherwise the operator's (context).
        HttpJwtAuthorizer authorizer = HttpJwtAuthorizer.Builder.create(AUTHORIZER_NAME,
                        signIn == null ? config.jwtIssuer() : signIn.issuer())
                .authorizerName(AUTHORIZER_NAME)
                .jwtAudience(signIn == null ? config.jwtAudience() : signIn.audience())
                .build();

        for (ApiRoute route : ApiRoute.values()) {
            String name = LogicalIds.pascal(route.name());
            HttpRoute.Builder routeBuilder = HttpRoute.Builder.create(this, name + "Route")
                    .httpApi(api)
                    .routeKey(HttpRouteKey.with(route.pathTemplate(), HttpMethod.valueOf(route.method())))
                    .integration(new HttpLambdaIntegration(name + "Integration",
                            functions.get(route.function()).alias()))
                    .authorizer(authorizer);
            List<String> scopes = config.routeScopes().required(route);
            if (!scopes.isEmpty()) routeBuilder.authorizationScopes(scopes);
            routeBuilder.build();
        }
    }

    /** The one CORS definition ({@link Cors}), for these origins. */
    private static CorsPreflightOptions cors(List<String> origins) {
        return CorsPreflightOptions.builder()
                .allowOrigins(origins)
                .allowMethods(Cors.ALLOWED_METHODS.stream().map(CorsHttpMethod::valueOf).toList())
                .allowHeaders(Cors.ALLOWED_HEADERS)
                .exposeHeaders(Cors.EXPOSED_HEADERS)
                .maxAge(Duration.seconds(Cors.MAX_AGE_SECONDS))
                .build();
    }

    HttpApi api() { return api; }

    HttpStage stage() { return stage; }

    LogGroup accessLogs() { return accessLogs; }
}
