package org.federation.platform.devtoken;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A development stand-in for the university's single sign-on: signs RS256 tokens for the
 * {@link DemoUsers demo users} and publishes its public key. It runs only in the local platform
 * and in tests; no service ever starts it.
 *
 * <ul>
 *   <li>{@code POST /dev/token} with {@code {"user": "<demo user id>"}} returns
 *       {@code {"access_token", "token_type": "Bearer", "expires_in"}};</li>
 *   <li>{@code GET /dev/users} lists the demo users;</li>
 *   <li>{@code GET /.well-known/jwks.json} is the key set, {@code GET /.well-known/openid-configuration}
 *       the discovery document.</li>
 * </ul>
 * Tokens carry {@code sub} (student or staff number), {@code name}, {@code email},
 * {@code roles}, the federation-wide roles, and {@code aud} = {@link #AUDIENCE}.
 */
public final class DevTokenIssuer implements AutoCloseable {

    /** The port the contracts fix for the local platform. */
    public static final int LOCAL_PORT = 9000;

    /**
     * The audience ({@code aud}) of every token it issues: the platform's name, which services
     * require by default ({@code federation.security.audience}, FederationSecurityProperties.DEFAULT_AUDIENCE).
     */
    public static final String AUDIENCE = "student-club-federation";

    private static final Logger log = LoggerFactory.getLogger(DevTokenIssuer.class);

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    private DevTokenIssuer(RSAKey key, HttpServer server, String issuer, Duration lifetime, Clock clock) {
        this.key = key;
        this.server = server;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Starts on localhost at {@code port} (0 for any free port) with a new key; the issuer is {@code http://localhost:<port>}. */
    public static DevTokenIssuer start(int port) {
        return start(port, newKey());
    }

    /**
     * Starts with the key kept in {@code keyFile} (made and written there on first use), so tokens
     * handed out before a restart of the local platform stay valid after it.
     */
    public static DevTokenIssuer start(int port, Path keyFile) {
        return start(port, keptKey(keyFile));
    }

    private static RSAKey keptKey(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile));
            }
            RSAKey key = newKey();
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, key.toJSONString());
            return key;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read or write the development issuer's key at " + keyFile
                    + " (" + e.getMessage() + "); delete the file to start with a new key", e);
        }
    }

    private static DevTokenIssuer start(int port, RSAKey key) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            String issuer = "http://localhost:" + server.getAddress().getPort();
            DevTokenIssuer tokens = new DevTokenIssuer(key, server, issuer, Duration.ofHours(8), Clock.systemUTC());
            server.createContext("/dev/token", tokens::token);
            server.createContext("/dev/users", tokens::users);
            server.createContext("/.well-known/jwks.json", tokens::jwks);
            server.createContext("/.well-known/openid-configuration", tokens::discovery);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread thread = new Thread(r, "dev-token-issuer");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return tokens;
        } catch (IOException e) {
            throw new IllegalStateException("the development token issuer cannot listen on port " + port
                    + " (" + e.getMessage() + "); is another local platform running?", e);
        }
    }

    /** A fresh RSA key, e.g. to sign a token this issuer's key set does not vouch for. */
    public static RSAKey newKey() {
        return newKey(UUID.randomUUID().toString());
    }

    /** A fresh RSA key under a chosen key id (a forger may claim the real key's id). */
    public static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The id of the key this issuer signs with. */
    public String keyId() {
        return key.getKeyID();
    }

    public String jwkSetUri() {
        return issuer + "/.well-known/jwks.json";
    }

    /** A token for a demo user. */
    public String tokenFor(DemoUser user) {
        return sign(claimsFor(user.subject(), user.name(), user.email(), user.roles()).build());
    }

    /** A valid token for anyone: tests make up people this way. */
    public String tokenFor(String subject, String name, List<String> roles) {
        return sign(claimsFor(subject, name, subject + "@stu.example.edu", roles).build());
    }

    /** The claims a token for this person carries, for tests that bend one of them. */
    public JWTClaimsSet.Builder claimsFor(String subject, String name, String email, List<String> roles) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("name", name)
                .claim("email", email)
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** Signs any claims with this issuer's key. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** Signs claims with some other key (for tests of forged tokens). */
    public static String sign(JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            problem(exchange, 405, "use POST with {\"user\": \"<demo user id>\"}");
            return;
        }
        Map<String, Object> request;
        try (InputStream body = exchange.getRequestBody()) {
            request = JSONObjectUtils.parse(new String(body.readNBytes(4096), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            problem(exchange, 400, "the body must be JSON such as {\"user\": \"presidium\"}");
            return;
        }
        Object user = request.get("user");
        if (!(user instanceof String id) || id.isBlank()) {
            problem(exchange, 400, "user: required, a demo user id from GET /dev/users");
            return;
        }
        DemoUser demo = DemoUsers.find(id).orElse(null);
        if (demo == null) {
            problem(exchange, 404, "user: no demo user '" + id + "'; GET /dev/users lists them");
            return;
        }
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("access_token", tokenFor(demo));
        token.put("token_type", "Bearer");
        token.put("expires_in", lifetime.toSeconds());
        log.debug("Issued a development token for {} ({})", demo.id(), demo.subject());
        json(exchange, 200, "application/json", token);
    }

    private void users(HttpExchange exchange) throws IOException {
        List<Map<String, Object>> users = DemoUsers.all().stream().map(u -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", u.id());
            entry.put("subject", u.subject());
            entry.put("name", u.name());
            entry.put("email", u.email());
            entry.put("roles", u.roles());
            entry.put("about", u.about());
            return entry;
        }).toList();
        json(exchange, 200, "application/json", Map.of("users", users));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        json(exchange, 200, "application/jwk-set+json", new JWKSet(key.toPublicJWK()).toJSONObject());
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", jwkSetUri());
        document.put("token_endpoint", issuer + "/dev/token");
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        json(exchange, 200, "application/json", document);
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:federation:problem:dev-token");
        problem.put("title", "Cannot issue a token");
        problem.put("status", status);
        problem.put("detail", detail);
        json(exchange, status, "application/problem+json", problem);
    }

    private static void json(HttpExchange exchange, int status, String contentType, Map<String, ?> body)
            throws IOException {
        byte[] bytes = JSONObjectUtils.toJSONString(new LinkedHashMap<>(body)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
