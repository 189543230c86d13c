package com.userimages.local.cli;

import com.userimages.local.gateway.ConsoleText;
import com.userimages.local.runtime.FunctionSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny {@code --name value} / {@code --name=value} parser shared by the server and {@code invoke}:
 * the tool has a handful of options, not enough to justify a CLI library on the classpath.
 */
final class Args {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    private boolean help;

    private Args() {}

    /**
     * @param known option names (with their dashes) that take a value; anything else starting with
     *              a dash is a usage error, so a typo never silently falls back to a default
     */
    static Args parse(List<String> args, Set<String> known) throws UsageException {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                parsed.help = true;
                continue;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                parsed.positional.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown option " + name);
            }
            if (value == null) {
                if (i + 1 >= args.size()) throw new UsageException(name + " needs a value");
                value = args.get(++i);
            }
            if (parsed.options.putIfAbsent(name, value) != null) {
                throw new UsageException(name + " given twice");
            }
        }
        return parsed;
    }

    boolean help() { return help; }

    List<String> positional() { return positional; }

    boolean has(String name) { return options.containsKey(name); }

    /** The option's value, or {@code null} when absent; a blank value counts as absent. */
    String get(String name) {
        String v = options.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The value exactly as given (blank included), for a message that quotes it; null when absent. */
    String raw(String name) {
        return options.get(name);
    }

    /** The hosted functions' reading of a variable, so the options and the functions never differ on one. */
    static String env(Map<String, String> env, String name) {
        return FunctionSettings.variable(env, name);
    }

    static int port(String value, String source) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(source + " must be a port number from 0 to 65535, was '" + value + "'");
        }
    }

    static URI httpUri(String value, String source) throws UsageException {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException(source + " must be an absolute http:// or https:// URL, was '" + ConsoleText.escape(value, 200) + "'");
        }
    }

    static Path path(String value) {
        return Path.of(value).toAbsolutePath().normalize();
    }
}
