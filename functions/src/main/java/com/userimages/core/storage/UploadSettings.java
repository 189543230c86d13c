package com.userimages.core.storage;

import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import java.time.Duration;

/** The upload bounds and URL lifetimes (API.md, "Uploads"), read once from the settings. */
public record UploadSettings(long maxUploadBytes, int maxUploadsPerRequest, Duration uploadUrlValidity, Duration downloadUrlValidity) {
    /** A response holding download URLs may be cached this much less than they live, so no cached URL is used dead. */
    public static final Duration CACHE_MARGIN = Duration.ofSeconds(60);

    public static UploadSettings from(Settings settings) {
        return new UploadSettings(settings.intValue(Setting.MAX_UPLOAD_BYTES), settings.intValue(Setting.MAX_UPLOADS_PER_REQUEST),
                Duration.ofSeconds(settings.intValue(Setting.UPLOAD_URL_SECONDS)),
                Duration.ofSeconds(settings.intValue(Setting.DOWNLOAD_URL_SECONDS)));
    }

    /** {@code Cache-Control} of a response that holds download URLs. */
    public String cacheControl() {
        return "private, max-age=" + Math.max(0, downloadUrlValidity.minus(CACHE_MARGIN).toSeconds());
    }
}
