package com.userimages.local.gateway;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;

/**
 * API Gateway's payload limit, as Jetty's own {@code SizeLimitHandler} keeps one: a declared length
 * over it is answered 413 before the body is read, so a client waiting on {@code Expect: 100-continue}
 * never gets the 100 and never sends the body; a body without a declared length (chunked) ends, once
 * more than the limit has been read, in a {@link GatewayRefusal} with that same 413 as its content's
 * failure, which the handler reading it answers with.
 */
final class BodySizeLimitHandler extends GuardHandler {
    /** Declared or read, a body over the limit gets the same answer. */
    static final GatewayEndpoint.Handled TOO_LARGE =
            new GatewayEndpoint.Handled(GatewayReply.message(413, "Request Entity Too Large"), "(the body is over 10 MB)");

    private final long maxBytes;

    BodySizeLimitHandler(long maxBytes, Handler handler) {
        super(handler, request -> request.getLength() <= maxBytes, TOO_LARGE);
        this.maxBytes = maxBytes;
    }

    @Override
    Request admitted(Request request) {
        return new SizeLimitedRequest(request, maxBytes);
    }

    /** Counts the body's bytes as they are read; past the limit its content fails, for good. */
    private static final class SizeLimitedRequest extends Request.Wrapper {
        private final long maxBytes;
        private long read;
        private Content.Chunk tooLarge;

        SizeLimitedRequest(Request request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public Content.Chunk read() {
            if (tooLarge != null) return tooLarge;
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) return chunk;
            read += chunk.remaining();
            if (read <= maxBytes) return chunk;
            chunk.release();
            tooLarge = Content.Chunk.from(new GatewayRefusal(TOO_LARGE), true);
            return tooLarge;
        }
    }
}
