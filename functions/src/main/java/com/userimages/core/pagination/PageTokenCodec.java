package com.userimages.core.pagination;

import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import com.userimages.core.model.IndexKey;
import com.userimages.core.model.ListSelection;
import com.userimages.core.model.Timestamps;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one page-token format. A token is canonical base64url without padding of
 * {@code version(1) | kid(4) | timestamp epoch seconds(8) | collection id UUID(16) | HMAC-SHA256(32)}
 * (82 characters). The HMAC covers the first four fields and, without carrying them, the caller's
 * {@code sub} and the query's order, from, to and minImages: a token only verifies for the same
 * caller and the same selection. The page size is deliberately not bound, so a client may change
 * it mid-walk.
 *
 * <p>The cursor holds no userId: the partition is always the caller's own, and the HMAC over the
 * caller's sub is what ties the cursor to them before DynamoDB ever sees it. Every way a token can
 * be wrong (spelling, length, version, key, signature, binding) answers the same 400, so a client
 * learns nothing about which check failed.
 */
public final class PageTokenCodec {
    static final byte VERSION = 1;
    private static final int KID_BYTES = 4;
    private static final int MAC_BYTES = 32;
    private static final int SIGNED_BYTES = 1 + KID_BYTES + Long.BYTES + 2 * Long.BYTES;
    static final int TOKEN_BYTES = SIGNED_BYTES + MAC_BYTES;
    static final int TOKEN_CHARS = (TOKEN_BYTES * 8 + 5) / 6;

    private static final String HMAC = "HmacSHA256";
    private static final byte[] MAC_DOMAIN = "user-images/page-token/v1".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** A secret as the codec uses it: a short public id, and the MAC key derived from it. */
    private record SigningKey(byte[] kid, SecretKeySpec macKey) {}

    private final SigningKey signing;
    private final List<SigningKey> verifying;

    public PageTokenCodec(PageTokenSecrets secrets) {
        this.signing = derive(secrets.current());
        List<SigningKey> keys = new ArrayList<>(2);
        keys.add(signing);
        secrets.previous().map(PageTokenCodec::derive).ifPresent(keys::add);
        this.verifying = List.copyOf(keys);
    }

    /** A token that resumes {@code query} for {@code userId} right after {@code key}, signed with the current secret. */
    public String encode(String userId, ListSelection query, IndexKey key) {
        UUID id = UUID.fromString(key.collectionId());
        if (!id.toString().equals(key.collectionId())) {
            throw new IllegalStateException("stored collection ids are lower-case UUIDs");
        }
        ByteBuffer token = ByteBuffer.allocate(TOKEN_BYTES);
        token.put(VERSION);
        token.put(signing.kid());
        token.putLong(Instant.parse(key.timestamp()).getEpochSecond());
        token.putLong(id.getMostSignificantBits());
        token.putLong(id.getLeastSignificantBits());
        token.put(mac(signing, Arrays.copyOf(token.array(), SIGNED_BYTES), userId, query));
        return ENCODER.encodeToString(token.array());
    }

    /**
     * The cursor a token carries, if it is one this service issued for exactly this caller and
     * selection; anything else is a 400 {@code INVALID_TOKEN}.
     */
    public IndexKey decode(String token, String userId, ListSelection query) {
        // Length first: the cheapest refusal, and nothing oversized is ever decoded.
        if (token == null || token.length() != TOKEN_CHARS) throw invalid();
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        // Several spellings decode to the same bytes (padding, the unused low bits of the last
        // character); only the one this codec writes is a token.
        if (bytes.length != TOKEN_BYTES || !ENCODER.encodeToString(bytes).equals(token)) throw invalid();
        if (bytes[0] != VERSION) throw invalid();

        byte[] signed = Arrays.copyOf(bytes, SIGNED_BYTES);
        byte[] kid = Arrays.copyOfRange(bytes, 1, 1 + KID_BYTES);
        byte[] presented = Arrays.copyOfRange(bytes, SIGNED_BYTES, TOKEN_BYTES);
        boolean verified = false;
        for (SigningKey key : verifying) {
            // Ids are public and only pick the key; the MAC itself is compared in constant time.
            if (Arrays.equals(key.kid(), kid) && MessageDigest.isEqual(mac(key, signed, userId, query), presented)) {
                verified = true;
            }
        }
        if (!verified) throw invalid();

        ByteBuffer payload = ByteBuffer.wrap(bytes, 1 + KID_BYTES, SIGNED_BYTES - 1 - KID_BYTES);
        long epochSeconds = payload.getLong();
        UUID id = new UUID(payload.getLong(), payload.getLong());
        Instant timestamp;
        try {
            timestamp = Instant.ofEpochSecond(epochSeconds);
        } catch (DateTimeException e) {
            throw invalid();
        }
        if (!Timestamps.storable(timestamp)) throw invalid();
        return new IndexKey(id.toString(), Timestamps.format(timestamp));
    }

    public static ApiException invalid() {
        return new ApiException.BadRequest(ErrorCode.INVALID_TOKEN,
                "nextToken is not a token this API issued for this caller and these parameters.");
    }

    private static byte[] mac(SigningKey key, byte[] signed, String userId, ListSelection query) {
        ByteArrayOutputStream input = new ByteArrayOutputStream(128);
        input.writeBytes(MAC_DOMAIN);
        input.writeBytes(signed);
        // Length-prefixed fields, so no two different bindings can serialize to the same bytes.
        writeString(input, userId);
        writeString(input, query.order().wireName());
        writeOptionalString(input, query.from());
        writeOptionalString(input, query.to());
        input.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(query.minImages()).array());
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key.macKey());
            return mac.doFinal(input.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static void writeOptionalString(ByteArrayOutputStream out, String value) {
        out.write(value == null ? 0 : 1);
        if (value != null) writeString(out, value);
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    /**
     * The key id and the MAC key both come from the secret through HMAC with distinct labels, so the
     * id that travels in every token reveals nothing usable about the key that signs it.
     */
    private static SigningKey derive(byte[] secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            byte[] kid = Arrays.copyOf(mac.doFinal("user-images/page-token/kid".getBytes(StandardCharsets.US_ASCII)), KID_BYTES);
            byte[] macKey = mac.doFinal("user-images/page-token/mac-key".getBytes(StandardCharsets.US_ASCII));
            return new SigningKey(kid, new SecretKeySpec(macKey, HMAC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
