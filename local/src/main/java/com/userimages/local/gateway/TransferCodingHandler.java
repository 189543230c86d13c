package com.userimages.local.gateway;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;

import java.util.Locale;

/**
 * A request body in a transfer-coding the gateway does not know — anything but {@code chunked}, e.g.
 * {@code Transfer-Encoding: gzip, chunked} — is answered 501 {@code {"message":"Not Implemented"}}
 * (RFC 9112 §6.1) before it is read. Jetty's parser frames such a body by its final chunked and
 * would hand the still gzip-coded bytes on as if they were the body. (A final coding other than
 * chunked, or chunked twice, is the parser's 400.)
 */
final class TransferCodingHandler extends GuardHandler {
    TransferCodingHandler(Handler handler) {
        super(handler, TransferCodingHandler::onlyChunked,
                new GatewayEndpoint.Handled(GatewayReply.message(501, "Not Implemented"), "(unknown transfer-coding)"));
    }

    /** Every coding of every Transfer-Encoding field is chunked (empty list elements aside, as RFC 9110 §5.6.1 allows). */
    static boolean onlyChunked(Request request) {
        for (HttpField field : request.getHeaders()) {
            if (field.getHeader() != HttpHeader.TRANSFER_ENCODING) continue;
            for (String coding : field.getValue().split(",", -1)) {
                String name = coding.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("chunked")) return false;
            }
        }
        return true;
    }
}
