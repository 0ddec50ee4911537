package org.federation.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The issuer's signing keys as this service knows them. A token naming a key id the set does not
 * hold makes it fetch the set again (the issuer may have rotated its key), but <em>at most once per
 * {@code refetchInterval}</em>, however many such tokens arrive: the tokens are anonymous input, and
 * without the limit anyone could make every instance of every service call the sign-on for each
 * request with a made-up key id. The set is also fetched again once it is older than
 * {@code lifetime}, so a key the issuer withdrew stops being trusted.
 */
final class IssuerKeySet implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(IssuerKeySet.class);
    private static final int TIMEOUT_MS = 5_000;
    private static final int SIZE_LIMIT = 512 * 1024;

    private final URL uri;
    private final Duration refetchInterval;
    private final Duration lifetime;
    private final Clock clock;

    private JWKSet keys;
    private Instant fetchedAt;
    /** The last attempt, successful or not: a failing issuer is not asked more often than a working one. */
    private Instant attemptedAt;

    IssuerKeySet(String uri, Duration refetchInterval, Duration lifetime, Clock clock) {
        try {
            this.uri = URI.create(uri).toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("federation.security.jwk-set-uri is not a URL: " + uri, e);
        }
        this.refetchInterval = refetchInterval;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) throws RemoteKeySourceException {
        Instant now = clock.instant();
        if (keys == null || !now.isBefore(fetchedAt.plus(lifetime))) {
            fetch(now, keys == null);
        }
        List<JWK> matching = selector.select(keys);
        if (matching.isEmpty() && mayRefetch(now)) {
            fetch(now, false);
            matching = selector.select(keys);
        }
        return matching;
    }

    private boolean mayRefetch(Instant now) {
        return attemptedAt == null || !now.isBefore(attemptedAt.plus(refetchInterval));
    }

    private void fetch(Instant now, boolean required) throws RemoteKeySourceException {
        if (!required && !mayRefetch(now)) {
            return;
        }
        attemptedAt = now;
        try {
            keys = JWKSet.load(uri, TIMEOUT_MS, TIMEOUT_MS, SIZE_LIMIT);
            fetchedAt = now;
        } catch (IOException | ParseException e) {
            if (keys == null) {
                throw new RemoteKeySourceException("cannot fetch the issuer's key set from " + uri + ": " + e.getMessage(), e);
            }
            // keep the keys we have: the issuer being away must not sign everyone out
            log.warn("Cannot fetch the issuer's key set from {} ({}); keeping the one fetched at {}", uri, e.toString(), fetchedAt);
        }
    }
}
