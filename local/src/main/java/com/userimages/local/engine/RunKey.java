package com.userimages.local.engine;

import com.userimages.engines.EngineCredentials;

import java.net.URI;
import java.util.Map;

/**
 * The one key pair of a run: every engine it starts lets it through, and the functions sign with it
 * for DynamoDB and S3 alike (their wiring is handed one credentials provider for both clients).
 *
 * <p>Made fresh for the run, so no web page can know it. When one engine is started and the other
 * service is an external endpoint, that one provider must satisfy both: an external engine on this
 * machine that checks a key (as ours do) is given its key in {@code AWS_ACCESS_KEY_ID} /
 * {@code AWS_SECRET_ACCESS_KEY}, and the started engine then lets that key through too; without
 * them the fresh key goes to both (an unguarded engine accepts any). An external endpoint elsewhere
 * (AWS) needs real credentials, which only those variables can hand to both.
 */
public final class RunKey {
    static final String KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String SECRET = "AWS_SECRET_ACCESS_KEY";

    private RunKey() {}

    public static EngineCredentials choose(DynamoDbOptions dynamoDb, S3Options s3, Map<String, String> env) throws StartupException {
        URI external = dynamoDb.embedded() == s3.embedded() ? null : dynamoDb.embedded() ? s3.endpoint() : dynamoDb.endpoint();
        if (external == null) return EngineCredentials.random();
        String started = dynamoDb.embedded() ? "dynalite" : "s3rver";
        String keyId = variable(env, KEY_ID);
        String secret = variable(env, SECRET);
        if (keyId == null || secret == null) {
            if (EngineConnection.onThisMachine(external)) return EngineCredentials.random();
            throw new StartupException("the started " + started + " and " + external + " are signed for with one key: set "
                    + KEY_ID + " and " + SECRET + " (" + started + " then lets that key through too), or give both endpoints");
        }
        try {
            return new EngineCredentials(keyId, secret);
        } catch (IllegalArgumentException e) {
            // The key id is never repeated: it may be a real one.
            throw new StartupException(KEY_ID + " is also the key of the started " + started + ", whose guard needs 16 to 128"
                    + " characters A-Z and 0-9: use such a key for " + external + ", or give both endpoints");
        }
    }

    private static String variable(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
