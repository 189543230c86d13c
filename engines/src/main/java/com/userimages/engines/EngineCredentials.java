package com.userimages.engines;

import java.security.SecureRandom;

/**
 * The key pair one run signs its engine requests with. The engines verify no signature, so their
 * guard checks the key id instead: a key made fresh for every run is one no web page can know.
 */
public record EngineCredentials(String accessKeyId, String secretAccessKey) {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public EngineCredentials {
        if (accessKeyId == null || !accessKeyId.matches("[A-Z0-9]{16,128}")) {
            throw new IllegalArgumentException("an access key id is 16 to 128 characters A-Z and 0-9");
        }
        if (secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("a secret access key is required");
        }
    }

    /** A new pair: a 20-character key id shaped like AWS's, and a 40-character secret. */
    public static EngineCredentials random() {
        return new EngineCredentials("LOCAL" + randomText(15), randomText(40));
    }

    private static String randomText(int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) text[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return new String(text);
    }

    @Override
    public String toString() {
        return "EngineCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=(hidden)]";
    }
}
