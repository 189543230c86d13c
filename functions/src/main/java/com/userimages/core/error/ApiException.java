package com.userimages.core.error;

/**
 * An error the API reports to its caller. The hierarchy is sealed so {@link #status()} can map
 * every kind to its HTTP status in one exhaustive switch: a new kind without a status does not compile.
 * Each carries an {@link ErrorCode}, whose own status must be its kind's: a code thrown as the wrong
 * kind is refused where it is built, so a response's status and code never disagree.
 * Messages are written for the caller; no exception class name or AWS detail ever goes into one.
 */
public abstract sealed class ApiException extends RuntimeException {
    private final ErrorCode code;

    private ApiException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * {@code cause}: what failed underneath (e.g. the SDK's exception behind a 503), kept for the
     * request line and never shown to the caller; null when the error is the request's own.
     */
    private ApiException(ErrorCode code, String message, Throwable cause) {
        // No stack trace: these are expected outcomes, and nothing ever prints them to a caller.
        super(message, cause, false, false);
        this.code = code;
        if (code.status() != status()) {
            throw new IllegalArgumentException(code + " is a " + code.status() + ", not a " + status());
        }
    }

    /** A stable, machine-readable code, e.g. {@code INVALID_BODY}: the body's and the request line's. */
    public String code() { return code.name(); }

    public ErrorCode errorCode() { return code; }

    /** The one place API errors map to HTTP statuses. */
    public final int status() {
        return switch (this) {
            case BadRequest e -> 400;
            case Unauthorized e -> 401;
            case Forbidden e -> 403;
            case NotFound e -> 404;
            case Conflict e -> 409;
            case PreconditionFailed e -> 412;
            case PayloadTooLarge e -> 413;
            case UnsupportedMediaType e -> 415;
            case Unprocessable e -> 422;
            case Throttled e -> 429;
            case Unavailable e -> 503;
        };
    }

    /** Seconds a client should wait before retrying, for the statuses that carry {@code Retry-After}. */
    public final Integer retryAfterSeconds() {
        return switch (this) {
            case Throttled e -> 1;
            case Unavailable e -> 2;
            default -> null;
        };
    }

    public static final class BadRequest extends ApiException {
        public BadRequest(ErrorCode code, String message) { super(code, message); }
    }

    public static final class Unauthorized extends ApiException {
        public Unauthorized(String message) { super(ErrorCode.UNAUTHORIZED, message); }
    }

    public static final class Forbidden extends ApiException {
        public Forbidden(String message) { super(ErrorCode.FORBIDDEN, message); }
    }

    public static final class NotFound extends ApiException {
        public NotFound(ErrorCode code) { super(code, code.defaultMessage()); }
    }

    public static final class Conflict extends ApiException {
        public Conflict(ErrorCode code, String message) { super(code, message); }
    }

    /** {@code If-Match} named no version the collection has now (API.md, "Versions and conditional requests"). */
    public static final class PreconditionFailed extends ApiException {
        public PreconditionFailed(String message) { super(ErrorCode.PRECONDITION_FAILED, message); }
    }

    public static final class PayloadTooLarge extends ApiException {
        public PayloadTooLarge(ErrorCode code, String message) { super(code, message); }
        public PayloadTooLarge(ErrorCode code, String message, Throwable cause) { super(code, message, cause); }
    }

    /** A request body whose own {@code Content-Type} is not JSON (API.md, "Errors"). */
    public static final class UnsupportedMediaType extends ApiException {
        public UnsupportedMediaType(String message) { super(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message); }
    }

    /** Well-formed, but what it declares or names is not something the API accepts (uploads). */
    public static final class Unprocessable extends ApiException {
        public Unprocessable(ErrorCode code, String message) { super(code, message); }
    }

    public static final class Throttled extends ApiException {
        public Throttled(String message) { super(ErrorCode.THROTTLED, message); }
        public Throttled(String message, Throwable cause) { super(ErrorCode.THROTTLED, message, cause); }
    }

    public static final class Unavailable extends ApiException {
        public Unavailable(String message) { super(ErrorCode.SERVICE_UNAVAILABLE, message); }
        public Unavailable(String message, Throwable cause) { super(ErrorCode.SERVICE_UNAVAILABLE, message, cause); }
    }
}
