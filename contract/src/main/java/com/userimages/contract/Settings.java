package com.userimages.contract;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable set of setting values. In Lambda it is read from the environment once per container;
 * the local server and the tests build their own, so several handlers can share a JVM with different
 * settings and no global state.
 */
public final class Settings {
    private final Map<Setting, String> values;

    private Settings(Map<Setting, String> values) {
        this.values = values;
    }

    /** Reads each setting by name from {@code source} (e.g. {@code System::getenv}); blank or absent is the default. */
    public static Settings from(Function<String, String> source) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String v = source.apply(s.name());
            if (v != null && !v.isBlank()) values.put(s, v.strip());
        }
        return new Settings(values);
    }

    /** The Lambda path: the process environment. */
    public static Settings fromEnvironment() {
        return from(System::getenv);
    }

    /** Only defaults. */
    public static Settings defaults() {
        return new Settings(new EnumMap<>(Setting.class));
    }

    /** A copy with one setting changed; a blank value restores its default. */
    public Settings with(Setting setting, String value) {
        Map<Setting, String> copy = new EnumMap<>(Setting.class);
        copy.putAll(values);
        if (value == null || value.isBlank()) copy.remove(setting);
        else copy.put(setting, value.strip());
        return new Settings(copy);
    }

    /** The configured value, trimmed, or the setting's default. */
    public String value(Setting setting) {
        return values.getOrDefault(setting, setting.defaultValue());
    }

    /** The value when one was configured (not the default). */
    public Optional<String> configured(Setting setting) {
        return Optional.ofNullable(values.get(setting));
    }

    /** A positive whole-number setting; a malformed value fails loudly, at init, not on a request. */
    public int intValue(Setting setting) {
        String v = value(setting);
        setting.problem(v).ifPresent(problem -> { throw new IllegalStateException(problem); });
        return Integer.parseInt(v);
    }

    /** The first problem among these settings' values, as one line, if any. */
    public Optional<String> problem(Collection<Setting> settings) {
        for (Setting s : settings) {
            Optional<String> problem = s.problem(value(s));
            if (problem.isPresent()) return problem;
        }
        return Optional.empty();
    }

    /** Fails with the first problem among these settings, as one line. */
    public Settings validated(Collection<Setting> settings) {
        problem(settings).ifPresent(p -> { throw new IllegalStateException(p); });
        return this;
    }
}
