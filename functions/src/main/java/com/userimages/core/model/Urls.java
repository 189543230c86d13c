package com.userimages.core.model;

import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Image urls: absolute http/https, ASCII only (RFC 3986, so no raw spaces or controls), at most 2,048 characters. */
public final class Urls {
    public static final int MAX_LENGTH = 2048;

    private Urls() {}

    public static String validate(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            throw invalid("url must be 1 to " + MAX_LENGTH + " characters.");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= 0x20 || c >= 0x7f) throw invalid("url must be ASCII without spaces or control characters (percent-encode them).");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw invalid("url is not a valid URI.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("url must be an absolute http or https url with a host.");
        }
        return raw;
    }

    private static ApiException invalid(String message) {
        return new ApiException.BadRequest(ErrorCode.INVALID_URL, message);
    }
}
