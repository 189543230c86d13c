package com.userimages.core.http;

import com.userimages.contract.Subjects;
import com.userimages.core.storage.ObjectKeys;
import com.userimages.core.storage.ObjectUrlSigner;
import com.userimages.core.storage.PresignedRequest;
import com.userimages.core.storage.UploadIds;
import com.userimages.core.storage.UploadSettings;
import com.userimages.core.storage.UploadTarget;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * How a response gives the image urls it holds: an external url as it was stored; an uploaded
 * image's {@code s3:} url as a presigned GET of its object, signed now for
 * {@code DOWNLOAD_URL_SECONDS}. Signing is local crypto, and the signer is asked for only when a
 * response holds an {@code s3:} url, so URL-only traffic never builds it.
 *
 * <p>Only {@link ObjectKeys} writes {@code s3:} urls, so one that is not a well-formed image key is
 * a broken stored item: it is neither signed (it could name any object) nor echoed (it is no URL a
 * client can use), and the read fails as the server's error.
 */
public final class ImageUrls {
    private final Supplier<ObjectUrlSigner> signer;
    private final Duration validity;
    private final String cacheControl;

    public ImageUrls(Supplier<ObjectUrlSigner> signer, UploadSettings settings) {
        this.signer = signer;
        this.validity = settings.downloadUrlValidity();
        this.cacheControl = settings.cacheControl();
    }

    /** Whether a stored url names one of the bucket's objects, which a response presigns. */
    public static boolean namesObject(String storedUrl) {
        return storedUrl != null && storedUrl.startsWith(ObjectKeys.URL_PREFIX);
    }

    /** A GET of the object a stored {@code s3:} url names; a url that is no image key is a bug in the stored data. */
    public PresignedRequest download(String storedUrl) {
        String key = ObjectKeys.imageKeyOf(storedUrl).orElseThrow(() ->
                new IllegalStateException("a stored element's s3: url is not an image key"));
        return signer.get().get(key, validity);
    }

    /**
     * Signs one GET of a well-formed key and discards it: before a SnapStart snapshot, so the
     * signer's build, its crypto and the credentials' first resolution are in the snapshot instead
     * of on the first read of an uploaded image. Local work only; the key names no object.
     */
    public void prime() {
        // Built here, not in a static: only the priming ever needs it, and class loading stays free of it.
        String key = ObjectKeys.image(new UploadTarget(ObjectKeys.userKey(Subjects.PRIMING_SUBJECT),
                "00000000-0000-4000-8000-000000000000", "00000000-0000-4000-8000-000000000000", "a".repeat(UploadIds.LENGTH)));
        signer.get().get(key, validity);
    }

    /**
     * The headers of a 200 or a 304 whose representation holds these stored urls: {@code base}, and
     * {@code Cache-Control} when any of them is presigned (RFC 9110 §15.4.5: a 304 carries the
     * Cache-Control its 200 would have), so no cache keeps a URL past its expiry.
     */
    public Map<String, String> headers(Map<String, String> base, Stream<String> storedUrls) {
        if (storedUrls.noneMatch(ImageUrls::namesObject)) return base;
        Map<String, String> headers = new HashMap<>(base);
        headers.put("cache-control", cacheControl);
        return Map.copyOf(headers);
    }
}
