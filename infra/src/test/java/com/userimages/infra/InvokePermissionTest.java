package com.userimages.infra;

import static com.userimages.infra.TemplateModel.list;
import static com.userimages.infra.TemplateModel.map;
import static com.userimages.infra.TemplateModel.props;
import static com.userimages.infra.TemplateModel.target;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.userimages.contract.ApiRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InvokePermissionTest {
    private final TemplateModel model = Synth.shared().model();

    private String api() {
        var ids = model.ofType("AWS::ApiGatewayV2::Api").keySet();
        assertEquals(1, ids.size());
        return ids.iterator().next();
    }

    /** The alias (logical id) a route's integration invokes. */
    private String aliasOf(ApiRoute route) {
        var fn = FunctionsTest.function(model, route.function()).getKey();
        return model.ofType("AWS::Lambda::Alias").entrySet().stream()
                .filter(e -> fn.equals(target(props(e.getValue()).get("FunctionName"))))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    @Test
    void onlyThisApiMayInvokeAndOnlyThroughAliases() {
        var permissions = model.ofType("AWS::Lambda::Permission");
        assertEquals(ApiRoute.values().length, permissions.size(), "one permission per route");
        permissions.forEach((id, p) -> {
            Map<String, Object> perm = props(p);
            assertEquals("lambda:InvokeFunction", perm.get("Action"), id);
            assertEquals("apigateway.amazonaws.com", perm.get("Principal"), id);
            assertEquals("AWS::Lambda::Alias", model.resource(target(perm.get("FunctionName"))).get("Type"), id);
            List<Object> arn = list(list(map(perm.get("SourceArn")).get("Fn::Join")).get(1));
            assertEquals(Map.of("Ref", api()), arn.get(arn.size() - 2), id + ": source must be this API");
        });
    }

    @ParameterizedTest
    @EnumSource(ApiRoute.class)
    void eachRouteMayInvokeItsAliasOnItsPathOnly(ApiRoute route) {
        String alias = aliasOf(route);
        String suffix = "/*/*" + route.pathTemplate();
        long matching = model.ofType("AWS::Lambda::Permission").values().stream()
                .map(TemplateModel::props)
                .filter(p -> alias.equals(target(p.get("FunctionName"))))
                .filter(p -> {
                    List<Object> arn = list(list(map(p.get("SourceArn")).get("Fn::Join")).get(1));
                    return suffix.equals(arn.get(arn.size() - 1));
                })
                .count();
        assertEquals(1, matching, route.routeKey());
    }
}
