package com.userimages.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ImageTypeTest {
    /** The first bytes of a real file of each type (PNG and GIF headers, a JFIF JPEG, a lossy WebP, an AVIF's ftyp box). */
    static byte[] sample(ImageType type) {
        return switch (type) {
            case PNG -> hex("89504e470d0a1a0a0000000d49484452");
            case JPEG -> hex("ffd8ffe000104a46494600010100000100010000");
            case GIF -> "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
            case WEBP -> hex("52494646" + "24000000" + "57454250" + "5650382018000000");
            case AVIF -> hex("00000020" + "66747970" + "61766966" + "00000000" + "61766966" + "6d696631" + "6d696166" + "4d413142");
        };
    }

    @Test
    void exactlyTheFiveTypesAreDeclarable() {
        assertEquals(Optional.of(ImageType.PNG), ImageType.fromDeclared("image/png"));
        assertEquals(Optional.of(ImageType.JPEG), ImageType.fromDeclared("IMAGE/JPEG"));
        assertEquals(Optional.of(ImageType.AVIF), ImageType.fromDeclared("image/avif"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/svg+xml", "text/html", "image/png; charset=utf-8", "image/png;x=text/html", "image/png ",
            " image/png", "image/png\r\nX-Evil: 1", "image/pjpeg", "image/jpg", "image/*", "", "image/png\u0000", "ımage/png",
            "application/octet-stream", "image/heic", "image/tiff", "image/bmp", "image/x-icon"})
    void anythingElseIsNotDeclarable(String declared) {
        assertEquals(Optional.empty(), ImageType.fromDeclared(declared));
    }

    @Test
    void noDeclarationIsNone() {
        assertEquals(Optional.empty(), ImageType.fromDeclared(null));
    }

    @ParameterizedTest
    @EnumSource(ImageType.class)
    void eachTypesOwnBytesMatchItAndNoOther(ImageType type) {
        for (ImageType other : ImageType.values()) {
            assertEquals(other == type, other.matches(sample(type)), type + " bytes as " + other);
        }
    }

    @ParameterizedTest
    @EnumSource(ImageType.class)
    void markupTextAndTruncationMatchNothing(ImageType type) {
        for (String text : new String[] {"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                "<!DOCTYPE html><html><script>alert(1)</script>", "\uFEFF<svg/>", "GIF8", "RIFF\u0000\u0000\u0000\u0000WEBX", ""}) {
            assertFalse(type.matches(text.getBytes(StandardCharsets.UTF_8)), type + " accepted " + text);
        }
        byte[] own = sample(type);
        int cut = type == ImageType.AVIF ? 11 : type == ImageType.WEBP ? 11 : type == ImageType.GIF ? 5 : type == ImageType.JPEG ? 2 : 7;
        assertFalse(type.matches(Arrays.copyOf(own, cut)), type + " accepted its own bytes cut to " + cut);
    }

    @Test
    void anIsoFileWithAnotherBrandIsNotAvif() {
        // An MP4 (brand isom) has the same box structure: only an avif/avis brand makes it AVIF.
        byte[] mp4 = hex("00000018" + "66747970" + "69736f6d" + "00000200" + "69736f6d" + "69736f32");
        assertFalse(ImageType.AVIF.matches(mp4));
        byte[] compatibleOnly = hex("00000018" + "66747970" + "6d696631" + "00000000" + "6d696631" + "61766966");
        assertTrue(ImageType.AVIF.matches(compatibleOnly), "avif among the compatible brands");
        byte[] oddSize = hex("00000017" + "66747970" + "61766966" + "00000000" + "61766966" + "6d6966");
        assertFalse(ImageType.AVIF.matches(oddSize), "a box size that is not a whole number of brands");
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
