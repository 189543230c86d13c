package com.userimages.local.cli;

import com.userimages.contract.ApiFunction;
import com.userimages.local.engine.DynamoDbOptions;
import com.userimages.local.engine.S3Options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code invoke FUNCTION -e EVENT.json [--db-path DIR | --dynamodb-endpoint URL] [--s3-endpoint URL --images-bucket NAME]},
 * as {@code sam local invoke}.
 *
 * @param notes what the options ignored (a variable that does not apply), for stderr
 */
record InvokeOptions(ApiFunction function, Path eventFile, DynamoDbOptions dynamoDb, S3Options s3, List<String> notes) {
    static final String USAGE = """
            Usage: java -jar local/target/user-images-local.jar invoke FUNCTION -e EVENT.json [--db-path DIR | --dynamodb-endpoint URL]

            Runs one function on one API Gateway payload 2.0 event, as `sam local invoke` does but without
            Docker, and prints the function's response (statusCode, headers, body) as JSON on stdout; logs go
            to stderr. FUNCTION is one of: %s.

            Options (environment variable in brackets):
              -e, --event FILE            the event (payload format 2.0 JSON)
              --db-path DIR               dynalite kept on disk in DIR (keeps data between invokes)
              --dynamodb-endpoint URL     an existing DynamoDB (another engine, or AWS) [DYNAMODB_ENDPOINT]
                                          (default: an empty in-memory dynalite)
              --s3-endpoint URL           an existing S3 (another engine, or AWS) [S3_ENDPOINT]
                                          (default: s3rver, bucket user-images-local, in a temporary directory)
              --images-bucket NAME        the bucket to use at --s3-endpoint (required with it) [IMAGES_BUCKET]
            With --db-path, dynalite and s3rver both keep their data in DIR (DIR/dynalite, DIR/s3).
            The table is created first when it is absent (except when FUNCTION is create-table itself).
            """.formatted(functionNames());

    private static final Set<String> KNOWN = Set.of("-e", "--event", DynamoDbFlags.ENDPOINT, DynamoDbFlags.DB_PATH,
            S3Flags.ENDPOINT, S3Flags.BUCKET);

    /** Null means help was asked for. */
    static InvokeOptions parse(List<String> argv, Map<String, String> env) throws UsageException {
        Args args = Args.parse(argv, KNOWN);
        if (args.help()) return null;
        if (args.positional().size() != 1) {
            throw new UsageException("invoke needs exactly one FUNCTION (" + functionNames() + ")");
        }
        ApiFunction function = ApiFunction.byName(args.positional().getFirst()).orElseThrow(() ->
                new UsageException("unknown function '" + args.positional().getFirst() + "'; one of: " + functionNames()));
        if (args.has("-e") && args.has("--event")) throw new UsageException("give -e or --event, not both");
        String event = args.get("-e") != null ? args.get("-e") : args.get("--event");
        if (event == null) throw new UsageException("invoke needs an event file: -e EVENT.json");
        Path eventFile = Args.path(event);
        if (!Files.isReadable(eventFile)) throw new UsageException("event file " + event + " cannot be read");
        DynamoDbOptions dynamoDb = DynamoDbFlags.parse(args, env);
        List<String> notes = new ArrayList<>();
        S3Options s3 = S3Flags.parse(args, env, notes);
        return new InvokeOptions(function, eventFile, dynamoDb, s3, List.copyOf(notes));
    }

    static String functionNames() {
        return Arrays.stream(ApiFunction.values()).map(ApiFunction::functionName).collect(Collectors.joining(", "));
    }
}
