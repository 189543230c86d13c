package com.userimages.core.pagination;

import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The page-token key material: the current secret, which signs, and optionally the previous one,
 * which still verifies, so tokens handed out before a rotation keep working after it.
 */
public final class PageTokenSecrets {
    /** Shorter than this is a configuration mistake, not a key: refused at init. */
    static final int MIN_SECRET_BYTES = 16;

    static final String CURRENT_STAGE = "AWSCURRENT";
    static final String PREVIOUS_STAGE = "AWSPREVIOUS";

    private final byte[] current;
    private final byte[] previous;

    private PageTokenSecrets(byte[] current, byte[] previous) {
        if (current == null || current.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("the page-token secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (previous != null && previous.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("the previous page-token secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.current = current.clone();
        this.previous = previous == null || Arrays.equals(previous, current) ? null : previous.clone();
    }

    /** Secrets given as text (settings, tests); {@code previous} may be null. */
    public static PageTokenSecrets of(String current, String previous) {
        return new PageTokenSecrets(utf8(current), previous == null ? null : utf8(previous));
    }

    byte[] current() { return current.clone(); }

    Optional<byte[]> previous() { return Optional.ofNullable(previous).map(byte[]::clone); }

    /**
     * The secrets list-page runs with: from Secrets Manager when {@code PAGE_TOKEN_SECRET_ARN} is set
     * (it wins over the plain settings), else {@code PAGE_TOKEN_SECRET} and
     * {@code PAGE_TOKEN_PREVIOUS_SECRET}. Neither set fails the init loudly rather than signing with
     * a key nobody chose.
     */
    public static PageTokenSecrets from(Settings settings, Supplier<SecretsManagerClient> secretsManager) {
        return resolve(settings::value, arn -> fromSecretsManager(secretsManager, arn));
    }

    static PageTokenSecrets resolve(Function<Setting, String> settings, Function<String, PageTokenSecrets> secretsManager) {
        String arn = settings.apply(Setting.PAGE_TOKEN_SECRET_ARN);
        if (arn != null && !arn.isBlank()) return secretsManager.apply(arn.strip());
        String current = settings.apply(Setting.PAGE_TOKEN_SECRET);
        if (current == null || current.isBlank()) {
            throw new IllegalStateException("list-page needs PAGE_TOKEN_SECRET_ARN or PAGE_TOKEN_SECRET");
        }
        String previous = settings.apply(Setting.PAGE_TOKEN_PREVIOUS_SECRET);
        return of(current, previous == null || previous.isBlank() ? null : previous);
    }

    /** Reads both stages once, at init; the client is closed again because nothing reads it later. */
    static PageTokenSecrets fromSecretsManager(Supplier<SecretsManagerClient> secretsManager, String secretId) {
        try (SecretsManagerClient client = secretsManager.get()) {
            return read(client, secretId);
        }
    }

    /**
     * {@code AWSCURRENT} must exist; {@code AWSPREVIOUS} exists only once the secret was rotated.
     * A text secret is used as its UTF-8 bytes, a binary one as is.
     */
    public static PageTokenSecrets read(SecretsManagerClient client, String secretId) {
        byte[] current = stage(client, secretId, CURRENT_STAGE)
                .orElseThrow(() -> new IllegalStateException("the page-token secret has no " + CURRENT_STAGE + " value"));
        return new PageTokenSecrets(current, stage(client, secretId, PREVIOUS_STAGE).orElse(null));
    }

    private static Optional<byte[]> stage(SecretsManagerClient client, String secretId, String stage) {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(r -> r.secretId(secretId).versionStage(stage));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        if (response.secretString() != null) return Optional.of(utf8(response.secretString()));
        if (response.secretBinary() != null) return Optional.of(response.secretBinary().asByteArray());
        return Optional.empty();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
