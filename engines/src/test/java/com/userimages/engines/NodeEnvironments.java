package com.userimages.engines;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** This process's environment with a PATH that has no usable Node, as the engines' tests need it. */
final class NodeEnvironments {
    static final String TOO_OLD = "node 18.19.0 is too old, Node.js 20 or newer is needed";

    private NodeEnvironments() {}

    /** PATH is only the given (empty) folder. */
    static Map<String, String> withoutNode(Path empty) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", empty.toString());
        return env;
    }

    /** PATH holds a stand-in for an old node: the wrappers' own check prints this line and exits 3. */
    static Map<String, String> withNodeTooOld(Path bin) throws IOException {
        Path node = bin.resolve("node");
        Files.writeString(node, "#!/bin/sh\necho 'engine: " + TOO_OLD + "' >&2\nexit " + EngineProcess.NODE_TOO_OLD + "\n");
        assertTrue(node.toFile().setExecutable(true));
        return withoutNode(bin);
    }
}
