package com.userimages.local.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The identity provider's public keys. A file or a fixed set is read once. A URL is fetched once and
 * cached; a token whose key id is not in the cache makes it fetch again — the provider may have
 * rotated keys — but at most once a minute, so a stream of tokens with made-up key ids cannot turn
 * the server into a request amplifier against the provider.
 */
public final class JwksKeySource implements JWKSource<SecurityContext> {
    static final Duration MIN_REFETCH_INTERVAL = Duration.ofMinutes(1);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final URI url;
    private final HttpClient http;
    private final Clock clock;
    private final PrintStream log;
    private volatile JWKSet keys;
    private Instant lastFetch;

    private JwksKeySource(JWKSet keys, URI url, HttpClient http, Clock clock, PrintStream log) {
        this.keys = keys;
        this.url = url;
        this.http = http;
        this.clock = clock;
        this.log = log;
    }

    public static JwksKeySource of(JWKSet keys) {
        return new JwksKeySource(keys.toPublicJWKSet(), null, null, null, null);
    }

    public static JwksKeySource fromFile(Path file) throws IOException {
        try {
            return of(JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (ParseException e) {
            throw new IOException(file + " is not a JWKS (a JSON object with a \"keys\" array): " + e.getMessage(), e);
        }
    }

    /** Fetches now, so a wrong URL shows at start-up; a failure is logged, not fatal (the provider may come up later). */
    public static JwksKeySource fromUrl(URI url, Clock clock, PrintStream log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        JwksKeySource source = new JwksKeySource(new JWKSet(), url, http, clock, log);
        synchronized (source) {
            source.fetch();
        }
        return source;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        List<JWK> matches = selector.select(keys);
        if (!matches.isEmpty() || url == null) return matches;
        synchronized (this) {
            matches = selector.select(keys);
            if (matches.isEmpty() && Duration.between(lastFetch, clock.instant()).compareTo(MIN_REFETCH_INTERVAL) >= 0) {
                fetch();
                matches = selector.select(keys);
            }
        }
        return matches;
    }

    /** Keeps the previous keys when the fetch fails; a failed attempt still counts toward the once-a-minute limit. */
    private void fetch() {
        lastFetch = clock.instant();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url).timeout(FETCH_TIMEOUT).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            keys = JWKSet.parse(response.body()).toPublicJWKSet();
        } catch (IOException | ParseException e) {
            log.println("warning: could not fetch the JWKS from " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
