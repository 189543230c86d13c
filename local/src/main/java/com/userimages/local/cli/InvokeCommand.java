package com.userimages.local.cli;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.Setting;
import com.userimages.local.engine.DynamoDbConnection;
import com.userimages.local.engine.S3Connection;
import com.userimages.local.engine.StartupException;
import com.userimages.local.runtime.FunctionInvoker;
import com.userimages.local.runtime.FunctionSettings;
import com.userimages.local.runtime.HandlerRegistry;
import com.userimages.local.runtime.LambdaJson;
import com.userimages.local.runtime.TableBootstrap;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code invoke}: one function, one event, one response on stdout — {@code sam local invoke} without
 * Docker. Everything else (the engine's output, the SDK, the function's own logs) goes to stderr,
 * so stdout can be piped into {@code jq}.
 */
final class InvokeCommand {
    private InvokeCommand() {}

    /** @return 0 when the function ran (whatever status it answered), 1 when it or the set-up failed */
    static int run(InvokeOptions options, Map<String, String> env, PrintStream stdout, PrintStream stderr,
                   HandlerRegistry.Factory handlers) {
        APIGatewayV2HTTPEvent event;
        try {
            event = LambdaJson.readEvent(options.eventFile());
        } catch (IOException e) {
            stderr.println("error: " + options.eventFile() + " is not a payload format 2.0 event: " + e.getMessage());
            return 1;
        }
        options.notes().forEach(note -> stderr.println("note: " + note));
        PrintStream originalOut = System.out;
        System.setOut(stderr);
        EngineTasks engines = null;
        try {
            // Both engines start at once, as the server's do; no browser reaches invoke's s3rver, so no origin.
            engines = EngineTasks.startDynamoDb(options.dynamoDb(), options.s3(), env);
            engines.startS3(options.s3(), List.of());
            DynamoDbConnection dynamoDb = engines.dynamoDb();
            S3Connection s3 = engines.s3();
            // What this run executes must be usable: the function, and create-table for the table check.
            Set<Setting> used = FunctionSettings.readBy(options.function());
            used.addAll(FunctionSettings.readBy(ApiFunction.CREATE_TABLE));
            // The function's request line on stderr: stdout holds the response alone.
            var components = FunctionSettings.components(dynamoDb, s3, options.dynamoDb().dbPath(), env, used, stderr::println);
            FunctionInvoker invoker = new FunctionInvoker(new HandlerRegistry(handlers, components), stderr);
            // Running create-table is itself the table's creation: doing it first would turn its 201 into a 200.
            if (options.function() != ApiFunction.CREATE_TABLE) {
                stderr.println(TableBootstrap.ensureTable(invoker) + " (" + dynamoDb.description() + ")");
            }
            stderr.println("S3: " + s3.description());
            FunctionInvoker.Invocation invocation = invoker.invoke(options.function(), event);
            if (invocation.failed()) {
                // The shape the Lambda runtime reports an unhandled error in.
                Map<String, String> error = new LinkedHashMap<>();
                error.put("errorMessage", String.valueOf(invocation.error().getMessage()));
                error.put("errorType", invocation.error().getClass().getName());
                stdout.println(LambdaJson.write(error));
                return 1;
            }
            stdout.println(LambdaJson.write(invocation.response()));
            return 0;
        } catch (IOException | StartupException e) {
            stderr.println("error: " + e.getMessage());
            return 1;
        } finally {
            if (engines != null) engines.close();
            System.setOut(originalOut);
        }
    }
}
