package com.userimages.infra;

import java.util.List;

/**
 * CodeBuild has no JDK 25 image: its standard image has Maven and Node, so the steps install
 * Corretto 25 under {@code /usr/lib/jvm}, where the build's toolchain ({@code .mvn/find-jdk-25},
 * maven-toolchains-plugin) looks, and check the download against Corretto's published checksum.
 */
final class BuildJdk {
    static final String HOME = "/usr/lib/jvm/corretto-25";
    static final String ARCHIVE = "amazon-corretto-25-x64-linux-jdk.tar.gz";
    static final String URL = "https://corretto.aws/downloads/latest/" + ARCHIVE;
    static final String SHA256_URL = "https://corretto.aws/downloads/latest_sha256/" + ARCHIVE;

    private BuildJdk() {}

    static List<String> installCommands() {
        return List.of(
                "curl -fsSL -o /tmp/" + ARCHIVE + " " + URL,
                "echo \"$(curl -fsSL " + SHA256_URL + ")  /tmp/" + ARCHIVE + "\" | sha256sum -c -",
                "mkdir -p " + HOME,
                "tar -xzf /tmp/" + ARCHIVE + " -C " + HOME + " --strip-components=1",
                HOME + "/bin/java -version");
    }

    static String java() {
        return HOME + "/bin/java";
    }
}
