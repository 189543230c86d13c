package com.userimages.core.data;

import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;

/**
 * Translates what DynamoDB (or the SDK on its way there) failed with into API errors. Bad requests
 * never get this far; what remains is either a size limit (413), throttling (429) or the service
 * being unreachable or failing (503). Nothing of the SDK's message reaches the caller; the SDK's
 * exception stays on the API error as its cause, for the request line.
 */
public final class DynamoDbErrors {
    private DynamoDbErrors() {}

    public static ApiException translate(SdkException e) {
        if (e instanceof ItemCollectionSizeLimitExceededException) {
            return new ApiException.PayloadTooLarge(ErrorCode.USER_DATA_TOO_LARGE,
                    "Your collections have reached DynamoDB's 10 GB limit per user.", e);
        }
        if (e instanceof SdkServiceException service) {
            if (service.isThrottlingException()) {
                return new ApiException.Throttled("The database is busy; retry after a moment.", e);
            }
            if (isItemTooLarge(service)) {
                return new ApiException.PayloadTooLarge(ErrorCode.COLLECTION_TOO_LARGE,
                        "The collection would exceed DynamoDB's 400 KB item size limit.", e);
            }
            return new ApiException.Unavailable("The database is unavailable; retry after a moment.", e);
        }
        if (e instanceof SdkClientException) {
            return new ApiException.Unavailable("The database did not answer in time; retry after a moment.", e);
        }
        return new ApiException.Unavailable("The database is unavailable; retry after a moment.", e);
    }

    private static boolean isItemTooLarge(SdkServiceException e) {
        String message = e.getMessage();
        return e.statusCode() == 400 && message != null
                && (message.contains("Item size has exceeded") || message.contains("Item size to update has exceeded"));
    }
}
