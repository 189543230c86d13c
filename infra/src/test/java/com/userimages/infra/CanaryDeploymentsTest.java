package com.userimages.infra;

import static com.userimages.infra.TemplateModel.list;
import static com.userimages.infra.TemplateModel.map;
import static com.userimages.infra.TemplateModel.props;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.userimages.contract.ApiFunction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Prod's gradual shift: one group per function's alias, each rolled back by its alarms. */
class CanaryDeploymentsTest {
    private static TemplateModel prod() {
        return new TemplateModel(UserImagesStageTest.stages().get("prod").toJSON());
    }

    @Test
    void eachFunctionsAliasShiftsTenPercentForFiveMinutesAndRollsBackOnItsAlarms() {
        TemplateModel prod = prod();
        Map<String, Map<String, Object>> groups = prod.ofType("AWS::CodeDeploy::DeploymentGroup");
        assertEquals(ApiFunction.values().length, groups.size());
        Set<String> aliasesShifted = new TreeSet<>();
        for (Map<String, Object> group : groups.values()) {
            Map<String, Object> p = props(group);
            assertEquals("CodeDeployDefault.LambdaCanary10Percent5Minutes", p.get("DeploymentConfigName"));
            assertEquals(Map.of("Enabled", true, "Events", List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST",
                    "DEPLOYMENT_STOP_ON_ALARM")), p.get("AutoRollbackConfiguration"));
            Map<String, Object> alarms = map(p.get("AlarmConfiguration"));
            assertEquals(true, alarms.get("Enabled"));
            List<String> alarmRefs = list(alarms.get("Alarms")).stream()
                    .map(a -> TemplateModel.target(map(a).get("Name"))).sorted().toList();
            assertEquals(2, alarmRefs.size(), alarmRefs.toString());
            assertEquals(true, alarmRefs.stream().anyMatch(r -> r.startsWith("MonitoringApi5xxRateAlarm")), alarmRefs.toString());
            String errors = alarmRefs.stream().filter(r -> r.endsWith("ErrorsAlarm") || r.contains("ErrorsAlarm"))
                    .findFirst().orElseThrow();
            aliasesShifted.add(errors.replace("Monitoring", "").replaceAll("ErrorsAlarm.*", ""));
        }
        // Each group watches its own function's error alarm: five different ones.
        assertEquals(Arrays.stream(ApiFunction.values()).map(f -> LogicalIds.pascal(f.functionName()))
                .collect(Collectors.toCollection(TreeSet::new)), aliasesShifted);
        // CloudFormation hands every alias update to CodeDeploy, naming the group that runs it.
        prod.ofType("AWS::Lambda::Alias").values().forEach(alias -> assertEquals(Set.of("ApplicationName",
                "DeploymentGroupName"), map(map(map(alias).get("UpdatePolicy")).get("CodeDeployLambdaAliasUpdate")).keySet()));
    }
}
