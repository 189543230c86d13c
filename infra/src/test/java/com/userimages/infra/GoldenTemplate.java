package com.userimages.infra;

/**
 * A synthesized template with what changes on every build of the functions jar (its asset hash, and
 * the version logical ids CDK derives from the function's code) replaced by fixed names, so the
 * golden file holds the stack's shape and settings, not one particular jar.
 */
final class GoldenTemplate {
    private GoldenTemplate() {}

    static String normalized(String template) {
        return template
                .replaceAll("[0-9a-f]{64}(\\.jar|\\.json|\\.zip)", "ASSET$1")
                .replaceAll("CurrentVersion[0-9A-F]{8}[0-9a-f]{32}", "CurrentVersionHASH")
                .replaceAll("CurrentVersion[0-9a-f]{32}", "CurrentVersionHASH")
                .stripTrailing() + "\n";
    }
}
