package com.userimages.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/** The client's side of an upload slot: bytes the upload check takes for an image, and the PUT to the slot's presigned URL. */
public final class SlotUploads {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private SlotUploads() {}

    /** A PNG's signature padded with zeros to {@code length} bytes: enough for the check to take it as a PNG. */
    public static byte[] png(int length) {
        return Arrays.copyOf(PNG_SIGNATURE, length);
    }

    /** PUTs {@code bytes} with this Content-Type to the slot's URL, as a client would. */
    public static HttpResponse<String> put(JsonNode slot, byte[] bytes, String contentType) throws IOException, InterruptedException {
        HttpRequest put = HttpRequest.newBuilder(URI.create(slot.get("uploadUrl").asText()))
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.ofString());
    }
}
