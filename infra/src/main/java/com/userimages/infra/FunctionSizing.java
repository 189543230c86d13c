package com.userimages.infra;

import com.userimages.contract.ApiFunction;
import software.amazon.awscdk.Duration;

/**
 * Memory and timeout per function. Lambda gives CPU in proportion to memory, and a Java handler
 * spends most of a cold (or SnapStart-restored) call JIT-compiling JSON and SDK code, so the data
 * path gets 1 GB; arm64 keeps that cheap. Every timeout stays under the HTTP API's 30 s integration
 * limit, so a slow call ends as the function's own error response, never a bare gateway 503.
 */
record FunctionSizing(int memoryMb, Duration timeout) {

    static FunctionSizing of(ApiFunction function) {
        // Exhaustive on purpose: a new function must get a considered size, not a default.
        return switch (function) {
            // Rare admin call that mostly waits: CreateTable, then up to 20 s polling DescribeTable for
            // ACTIVE (API.md). 28 s leaves room for init and the calls around that wait, below the 30 s cap.
            case CREATE_TABLE -> new FunctionSizing(512, Duration.seconds(28));
            // One conditional write, plus the SDK's backoff retries on throttling before answering 429.
            case APPEND_COLLECTION -> new FunctionSizing(1024, Duration.seconds(10));
            // One strongly consistent GetItem of an item up to 400 KB.
            case GET_ITEM -> new FunctionSizing(1024, Duration.seconds(6));
            // Up to LIST_MAX_QUERY_CALLS (10) index queries of up to 1 MB each, in sequence.
            case LIST_PAGE -> new FunctionSizing(1024, Duration.seconds(15));
            // A strongly consistent read and one conditional write, re-read and retried at most 3 times.
            case DELETE_ITEM -> new FunctionSizing(1024, Duration.seconds(10));
        };
    }
}
