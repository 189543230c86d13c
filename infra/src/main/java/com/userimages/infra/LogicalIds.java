package com.userimages.infra;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Construct ids derived from the shared names, so logical ids read like the functions and routes they belong to. */
final class LogicalIds {
    private LogicalIds() {}

    /** {@code create-table} or {@code CREATE_TABLE} → {@code CreateTable}. */
    static String pascal(String name) {
        return Arrays.stream(name.split("[-_]"))
                .filter(p -> !p.isEmpty())
                .map(p -> p.substring(0, 1).toUpperCase() + p.substring(1).toLowerCase())
                .collect(Collectors.joining());
    }
}
