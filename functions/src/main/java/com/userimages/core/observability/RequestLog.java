package com.userimages.core.observability;

import com.userimages.contract.ApiFunction;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Where one function's request lines go, and how many of them. One per handler instance (so one per
 * Lambda container): the first request it logs is the cold start. Every request is written as one
 * line: the full request line at {@code INFO}, or at {@code WARN} for a 5xx, 429 or 503, and
 * otherwise the metrics alone, so {@code WARN} never loses metrics.
 */
public final class RequestLog {
    public enum Level {
        INFO, WARN;

        /** {@code INFO} or {@code WARN} in any case; anything else was refused by the setting's own check. */
        public static Level parse(String value) {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    private final ApiFunction function;
    private final Level level;
    private final Consumer<String> sink;
    private final Clock clock;
    private final AtomicBoolean cold = new AtomicBoolean(true);

    public RequestLog(ApiFunction function, Level level, Consumer<String> sink, Clock clock) {
        this.function = function;
        this.level = level;
        this.sink = sink;
        this.clock = clock;
    }

    public static RequestLog of(ApiFunction function, Level level, Consumer<String> sink) {
        return new RequestLog(function, level, sink, Clock.systemUTC());
    }

    /**
     * Lambda's path: each line whole on standard output, which Lambda forwards unchanged in either
     * log format (unlike {@code LambdaLogger.log(String)}, wrapped into an escaped {@code message}
     * under the JSON format, which CloudWatch would not read as EMF). {@code System.out} is looked up
     * per line, so a host that redirects it (the local {@code invoke} sends logs to stderr) is followed.
     */
    public static RequestLog toStandardOutput(ApiFunction function, Level level) {
        return of(function, level, line -> System.out.println(line));
    }

    /** To a given stream, e.g. stderr. */
    public static RequestLog to(ApiFunction function, Level level, PrintStream out) {
        return of(function, level, out::println);
    }

    public ApiFunction function() { return function; }

    public Level level() { return level; }

    public Instant now() { return clock.instant(); }

    /** True exactly once: for this instance's first request. */
    public boolean takeColdStart() {
        return cold.getAndSet(false);
    }

    public void write(RequestLine line) {
        sink.accept(level == Level.INFO || line.isFailure() ? line.fullLine() : line.metricsLine());
    }
}
