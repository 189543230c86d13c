package com.userimages.engines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The folder with the engines' Node wrappers ({@code js/}) and their packages ({@code node_modules/}):
 * {@code USER_IMAGES_ENGINES_HOME} when set, else the engines module of the build that made this jar.
 */
final class EngineHome {
    static final String ENV = "USER_IMAGES_ENGINES_HOME";
    private static final String RESOURCE = "engines-home.txt";

    private EngineHome() {}

    static Path locate(Map<String, String> env) throws EngineStartException {
        String override = env.get(ENV);
        Path home = override != null && !override.isBlank() ? Path.of(override.strip()) : built();
        if (!Files.isDirectory(home.resolve("js"))) {
            throw new EngineStartException("the engines' folder " + home + " has no js/ (set " + ENV + " to the repository's engines/)");
        }
        if (!Files.isDirectory(home.resolve("node_modules"))) {
            throw new EngineStartException("the engines are not installed in " + home
                    + ": build the project first (its build runs npm ci there)");
        }
        return home;
    }

    private static Path built() throws EngineStartException {
        try (InputStream in = EngineHome.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new EngineStartException("this build does not say where its engines are (set " + ENV + ")");
            return Path.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new EngineStartException("could not read where the engines are: " + e.getMessage());
        }
    }
}
