package com.userimages.infra;

import com.userimages.contract.ApiFunction;
import com.userimages.contract.ObjectAccess;
import com.userimages.contract.UserImagesTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Least privilege, derived from {@link ApiFunction#iamActions()}: each action is allowed on the one
 * resource it is meant for, so granting a function a new call means naming it in the contract
 * module's {@link ApiFunction}, and an action nobody mapped here fails the synth instead of being allowed broadly.
 * The S3 actions on keys come from {@link ApiFunction#objectAccess()}: one statement per prefix, on
 * {@code bucket/prefix*}, so no role reaches a key outside the prefixes its function uses.
 */
final class FunctionPermissions {
    private FunctionPermissions() {}

    /** ARNs of the resources the functions touch (tokens at synth time). */
    record Resources(String tableArn, String pageTokenSecretArn, String imagesBucketArn) {
        String timestampIndexArn() {
            return tableArn + "/index/" + UserImagesTable.TIMESTAMP_INDEX;
        }
    }

    static List<PolicyStatement> statements(ApiFunction function, Resources resources) {
        Map<String, List<String>> actionsByResource = new LinkedHashMap<>();
        for (String action : function.iamActions()) {
            actionsByResource.computeIfAbsent(resourceFor(action, resources), r -> new ArrayList<>()).add(action);
        }
        for (ObjectAccess access : function.objectAccess()) {
            actionsByResource.computeIfAbsent(objectsResource(access, resources), r -> new ArrayList<>()).addAll(access.actions());
        }
        List<PolicyStatement> statements = new ArrayList<>();
        actionsByResource.forEach((resource, actions) -> statements.add(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(List.of(resource))
                .build()));
        return statements;
    }

    /** The keys under the prefix: {@code arn:...:bucket/prefix*}. */
    static String objectsResource(ObjectAccess access, Resources resources) {
        return resources.imagesBucketArn() + "/" + access.keyPattern();
    }

    static String resourceFor(String action, Resources resources) {
        if (action.contains("*")) {
            throw new IllegalArgumentException("wildcard action not allowed: " + action);
        }
        // list-page reads only the LSI; nothing queries the base table.
        if (action.equals("dynamodb:Query")) return resources.timestampIndexArn();
        if (action.startsWith("dynamodb:")) return resources.tableArn();
        if (action.equals("secretsmanager:GetSecretValue")) return resources.pageTokenSecretArn();
        // The one bucket-level call: it makes S3 answer a missing key 404 rather than 403.
        if (action.equals("s3:ListBucket")) return resources.imagesBucketArn();
        throw new IllegalArgumentException("no resource mapped for action " + action);
    }
}
