package com.userimages.checks;

import java.nio.file.Path;

/** The repository these checks read: its root, as the build names it (the module's parent otherwise). */
final class Repository {
    private Repository() {}

    static Path root() {
        return Path.of(System.getProperty("repo.root", ".."));
    }
}
