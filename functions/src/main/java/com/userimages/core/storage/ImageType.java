package com.userimages.core.storage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The image types an upload may declare, and the first bytes each must start with. The declared
 * type is the client's word and the bytes are checked against it after the upload, never trusted:
 * SVG and HTML are text a browser would run as a page, so no declaration makes them an image here.
 */
public enum ImageType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp"),
    GIF("image/gif"),
    AVIF("image/avif");

    /** How many leading bytes {@link #matches} needs to decide: the ranged read asks for these. */
    public static final int HEAD_BYTES = 64;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private final String mediaType;

    ImageType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The type a client declared, as a bare media type in any letter case. Parameters are refused
     * rather than dropped ({@code image/png; charset=...} or {@code image/png;x=text/html} is not a
     * PNG declaration): the declared value is signed into the upload URL and sent back as the stored
     * object's type, so only the exact form is accepted.
     */
    public static Optional<ImageType> fromDeclared(String declared) {
        if (declared == null) return Optional.empty();
        String lower = declared.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(lower)).findFirst();
    }

    /** Whether {@code head}, the object's first bytes (up to {@link #HEAD_BYTES}), is this type's signature. */
    public boolean matches(byte[] head) {
        return switch (this) {
            case PNG -> startsWith(head, 0, PNG_SIGNATURE);
            case JPEG -> startsWith(head, 0, JPEG_SIGNATURE);
            case GIF -> startsWith(head, 0, ascii("GIF87a")) || startsWith(head, 0, ascii("GIF89a"));
            case WEBP -> startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"));
            case AVIF -> isAvif(head);
        };
    }

    /**
     * An ISO base media file whose first box is {@code ftyp} naming {@code avif} or {@code avis} as
     * its major brand or among the compatible brands that fit in {@code head}.
     */
    private static boolean isAvif(byte[] head) {
        if (head.length < 16 || !startsWith(head, 4, ascii("ftyp"))) return false;
        long boxSize = ((head[0] & 0xffL) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        if (boxSize < 16 || boxSize % 4 != 0) return false;
        int end = (int) Math.min(boxSize, head.length);
        if (isAvifBrand(head, 8)) return true;
        for (int brand = 16; brand + 4 <= end; brand += 4) {
            if (isAvifBrand(head, brand)) return true;
        }
        return false;
    }

    private static boolean isAvifBrand(byte[] head, int offset) {
        return startsWith(head, offset, ascii("avif")) || startsWith(head, offset, ascii("avis"));
    }

    private static boolean startsWith(byte[] head, int offset, byte[] expected) {
        if (head.length < offset + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if (head[offset + i] != expected[i]) return false;
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
