package com.userimages.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.UserImagesTable;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** ETags as the API writes them, {@code "<version>.<incarnation>"}, for assertions and preconditions. */
public final class ETags {
    private static final Pattern FORM = Pattern.compile("\"([1-9][0-9]*)\\.([0-9a-z]+)\"");

    private ETags() {}

    /** The quoted tag of this version under this incarnation. */
    public static String of(long version, String incarnation) {
        return "\"" + version + "." + incarnation + "\"";
    }

    /** The quoted tag of this version of the stored collection (its stored incarnation, {@code 0} when it has none). */
    public static String of(String user, String collectionId, long version) {
        return of(version, incarnation(user, collectionId));
    }

    /** The stored collection's current quoted tag. */
    public static String current(String user, String collectionId) {
        return of(CollectionAudit.version(user, collectionId), incarnation(user, collectionId));
    }

    /** The stored incarnation; {@code 0} for an item without one. */
    public static String incarnation(String user, String collectionId) {
        return incarnation(CollectionAudit.item(user, collectionId).orElseThrow());
    }

    /** A stored item's incarnation; {@code 0} for one without. */
    public static String incarnation(Map<String, AttributeValue> item) {
        AttributeValue stored = item.get(UserImagesTable.INCARNATION);
        return stored == null ? "0" : stored.s();
    }

    /** The incarnation a response's ETag names. */
    public static String incarnation(APIGatewayV2HTTPResponse response) {
        String etag = response.getHeaders().get("etag");
        Matcher m = FORM.matcher(etag == null ? "" : etag);
        if (!m.matches()) throw new AssertionError("not an ETag of this API: " + etag);
        return m.group(2);
    }
}
