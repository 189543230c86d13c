package com.userimages.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .mvn/find-jdk-25}, which ./run, .ci/run and infra/deploy.sh ask before Maven: on a machine
 * made of stand-in JDKs (a release file and two executables, all the script reads), with JAVA_HOME,
 * PATH and the install directories under the test's control.
 */
class FindJdkScriptTest {
    private static final Path SCRIPT = Repository.root().resolve(".mvn/find-jdk-25");

    record Result(int exitCode, String stdout, String stderr) {}

    @Test
    void aMachineWithOnlyJdk17GetsOneLineThatNamesJdk25AndHowToInstallIt(@TempDir Path machine) throws Exception {
        Path jdk17 = fakeJdk(machine.resolve("jvm/java-17-openjdk-amd64"), "17.0.15");
        Result result = find(machine, Map.of("JAVA_HOME", jdk17.toString()), jdk17, machine.resolve("jvm"));
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("", result.stdout(), result.toString());
        List<String> lines = result.stderr().lines().toList();
        assertEquals(1, lines.size(), "one line: " + result.stderr());
        assertTrue(lines.getFirst().contains("JDK 25") && lines.getFirst().contains("install"), lines.getFirst());
    }

    @Test
    void anInstalledJdk25IsFoundWhenJavaHomeAndPathNameJdk17(@TempDir Path machine) throws Exception {
        Path jdk17 = fakeJdk(machine.resolve("jvm/java-17-openjdk-amd64"), "17.0.15");
        Path jdk25 = fakeJdk(machine.resolve("jvm/temurin-25-jdk-amd64"), "25.0.3");
        Result result = find(machine, Map.of("JAVA_HOME", jdk17.toString()), jdk17, machine.resolve("jvm"));
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(jdk25 + "\n", result.stdout(), result.toString());
    }

    @Test
    void aJdk25WinsOverANewerOneAsTheToolchainPrefersTheLtsRelease(@TempDir Path machine) throws Exception {
        Path jdk26 = fakeJdk(machine.resolve("jdks/a-jdk-26"), "26.0.1");
        Path jdk25 = fakeJdk(machine.resolve("jdks/b-jdk-25"), "25.0.3");
        Result result = find(machine, Map.of(), jdk26, machine.resolve("jdks"));
        assertEquals(jdk25 + "\n", result.stdout(), result.toString());
    }

    @Test
    void javaHomeOnAJdk25IsTakenAsItIs(@TempDir Path machine) throws Exception {
        Path chosen = fakeJdk(machine.resolve("elsewhere/my-jdk"), "25.0.4");
        fakeJdk(machine.resolve("jvm/temurin-25-jdk-amd64"), "25.0.3");
        Result result = find(machine, Map.of("JAVA_HOME", chosen.toString()), null, machine.resolve("jvm"));
        assertEquals(chosen + "\n", result.stdout(), result.toString());
    }

    /** A directory the script takes for a JDK of that version. */
    private static Path fakeJdk(Path home, String version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Path file = Files.writeString(home.resolve("bin").resolve(tool), "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    /** The script with only these in its environment: PATH holds readlink and the given JDK's java. */
    private static Result find(Path machine, Map<String, String> env, Path jdkOnPath, Path installDir) throws Exception {
        Path bin = Files.createDirectories(machine.resolve("path-bin"));
        Path readlink = Stream.of("/usr/bin/readlink", "/bin/readlink").map(Path::of).filter(Files::isExecutable).findFirst().orElseThrow();
        if (!Files.exists(bin.resolve("readlink"))) Files.createSymbolicLink(bin.resolve("readlink"), readlink);
        Files.deleteIfExists(bin.resolve("java"));
        if (jdkOnPath != null) Files.createSymbolicLink(bin.resolve("java"), jdkOnPath.resolve("bin/java"));
        Path bash = Stream.of("/bin/bash", "/usr/bin/bash").map(Path::of).filter(Files::isExecutable).findFirst().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(bash.toString(), SCRIPT.toString());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("PATH", bin.toString());
        builder.environment().put("HOME", machine.resolve("home").toString());
        builder.environment().put("USER_IMAGES_JDK_DIRS", installDir.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script did not end");
        return new Result(process.exitValue(), stdout, stderr);
    }
}
