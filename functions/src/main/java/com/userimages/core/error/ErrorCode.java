package com.userimages.core.error;

/**
 * Every code the functions put in an error body's {@code code} and in the request line's
 * {@code errorCode}: its HTTP status and the message sent when the thrower has nothing more precise
 * to say. API.md's error-code table and openapi.yaml's {@code Error.code} enum list the same codes
 * with the same statuses (ErrorCodeTest), so a code added here without documenting it fails the build.
 */
public enum ErrorCode {
    INVALID_JSON(400, "The body is not valid UTF-8 JSON."),
    INVALID_BODY(400, "The body does not have the shape this route takes."),
    UNKNOWN_FIELD(400, "The body has a field this route does not take."),
    INVALID_ID(400, "An id is not a UUID."),
    INVALID_URL(400, "A url is not an absolute http or https URL of at most 2,048 ASCII characters."),
    INVALID_TIMESTAMP(400, "A timestamp is not an RFC 3339 instant with an offset."),
    TOO_MANY_IMAGES(400, "The request holds more images than allowed."),
    DUPLICATE_IMAGE_ID(400, "An imageId appears twice in the request."),
    UNKNOWN_PARAMETER(400, "The query string has a parameter this route does not take."),
    INVALID_LIMIT(400, "limit must be a whole number from 1 to 100."),
    INVALID_ORDER(400, "order must be asc or desc."),
    INVALID_RANGE(400, "from must not be after to."),
    INVALID_MIN_IMAGES(400, "minImages is not a whole number in range."),
    INVALID_TOKEN(400, "nextToken is not a token this API issued for this caller and these parameters."),
    INVALID_PRECONDITION(400, "If-Match or If-None-Match is not * or a list of quoted entity tags."),
    INVALID_PATH(400, "A path parameter is missing."),
    UNAUTHORIZED(401, "The request carries no verified identity."),
    FORBIDDEN(403, "The token lacks the scope this operation needs."),
    COLLECTION_NOT_FOUND(404, "No collection with this id."),
    IMAGE_NOT_FOUND(404, "No image with this id in the collection."),
    ROUTE_NOT_FOUND(404, "This function does not serve that route."),
    COLLECTION_EXISTS(409, "A collection with this id exists with other content."),
    IMAGE_ID_CONFLICT(409, "An imageId is already in the collection with another url."),
    IMAGE_SET_MISMATCH(409, "imageIds must name exactly the collection's images."),
    CONCURRENT_MODIFICATION(409, "The collection kept changing during the request; retry."),
    TABLE_SCHEMA_MISMATCH(409, "A table of that name exists with another schema."),
    IMAGE_EXISTS(409, "The collection already has an image with this imageId."),
    UPLOAD_MISSING(409, "No pending upload with this uploadId for this image of this collection."),
    PRECONDITION_FAILED(412, "A precondition (If-Match, If-None-Match) is false; nothing changed."),
    BODY_TOO_LARGE(413, "The body is larger than 256 KB."),
    COLLECTION_TOO_LARGE(413, "The collection would exceed its size limit."),
    USER_DATA_TOO_LARGE(413, "Your collections have reached DynamoDB's 10 GB limit per user."),
    UNSUPPORTED_MEDIA_TYPE(415, "The body must be JSON."),
    UPLOAD_NOT_ALLOWED(422, "The declared type or size is outside what uploads allow."),
    UPLOAD_INVALID(422, "The uploaded object is not an image of an allowed type and size."),
    THROTTLED(429, "The database is busy; retry after a moment."),
    INTERNAL_ERROR(500, "The server failed to handle the request."),
    SERVICE_UNAVAILABLE(503, "The database is unavailable; retry after a moment.");

    private final int status;
    private final String defaultMessage;

    ErrorCode(int status, String defaultMessage) {
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    /** The HTTP status every response with this code has. */
    public int status() { return status; }

    /** For people: what went wrong, when the thrower has no more precise message. */
    public String defaultMessage() { return defaultMessage; }
}
