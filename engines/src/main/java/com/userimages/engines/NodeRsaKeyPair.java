package com.userimages.engines;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A new 2048-bit RSA key pair made by Node's crypto (OpenSSL), as a private JWK: for the local
 * development issuer, whose key is new at every start. The local tools' JVM runs C1 alone, which has
 * none of BigInteger's intrinsics, and spent 0.4 to 2 s of CPU on the primes that OpenSSL finds in a
 * fraction of that. The key travels over the child's stdout pipe only. Empty when Node cannot make
 * one (not installed, too old, killed): the caller makes its key itself then.
 */
public final class NodeRsaKeyPair {
    private static final String SCRIPT = "rsa-key.js";
    private static final int MAX_OUTPUT = 16 * 1024;

    private NodeRsaKeyPair() {}

    /** @param env the environment whose PATH names the {@code node} to run */
    public static Optional<String> privateJwk(Map<String, String> env, Duration timeout) {
        Process process = null;
        try {
            List<String> command = new ArrayList<>();
            command.add(EngineProcess.node(env));
            Path home = EngineHome.locate(env);
            command.add(home.resolve("js").resolve(SCRIPT).toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(env);
            process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) return Optional.empty();
            byte[] output = process.getInputStream().readNBytes(MAX_OUTPUT);
            String jwk = new String(output, StandardCharsets.UTF_8).strip();
            return jwk.startsWith("{") && jwk.endsWith("}") ? Optional.of(jwk) : Optional.empty();
        } catch (EngineStartException | IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null && process.isAlive()) process.destroyForcibly();
        }
    }
}
