package org.federation.platform.devtoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;

class DevTokenIssuerTest {

    private static DevTokenIssuer issuer;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        issuer = DevTokenIssuer.start(0);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void issuesATokenForADemoUserThatItsPublishedKeyVerifies() throws Exception {
        HttpResponse<String> response = post("{\"user\": \"acmore-leader\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = JSONObjectUtils.parse(response.body());
        assertThat(body).containsEntry("token_type", "Bearer").containsKey("expires_in");

        SignedJWT jwt = SignedJWT.parse((String) body.get("access_token"));
        RSAKey published = (RSAKey) JWKSet.parse(get("/.well-known/jwks.json").body()).getKeys().get(0);
        assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("2023020001");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuer());
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(DevTokenIssuer.AUDIENCE);
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("STUDENT");
    }

    @Test
    void refusesUnknownUsersAndMalformedRequestsWithProblems() throws Exception {
        HttpResponse<String> unknown = post("{\"user\": \"nobody\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(post("not json").statusCode()).isEqualTo(400);
        assertThat(post("{\"user\": 7}").statusCode()).isEqualTo(400);
        assertThat(get("/dev/token").statusCode()).isEqualTo(405);
    }

    @Test
    void listsEveryDemoUserWithTheirRoles() throws Exception {
        Map<String, Object> body = JSONObjectUtils.parse(get("/dev/users").body());
        List<?> users = (List<?>) body.get("users");
        assertThat(users).hasSize(DemoUsers.all().size());
        assertThat(DemoUsers.all()).extracting(DemoUser::id)
                .contains("presidium", "organization-head", "finance-member", "liaison", "tennis-member-2", "student")
                .doesNotHaveDuplicates();
        assertThat(DemoUsers.all()).extracting(DemoUser::subject).doesNotHaveDuplicates();
    }

    @Test
    void publishesADiscoveryDocumentNamingItselfTheIssuer() throws Exception {
        Map<String, Object> discovery = JSONObjectUtils.parse(get("/.well-known/openid-configuration").body());
        assertThat(discovery).containsEntry("issuer", issuer.issuer()).containsEntry("jwks_uri", issuer.jwkSetUri());
    }

    @Test
    void aKeptKeyOutlivesARestartSoEarlierTokensStayValid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path keyFile = dir.resolve("issuer-key.json");
        String token;
        try (DevTokenIssuer first = DevTokenIssuer.start(0, keyFile)) {
            token = first.tokenFor(DemoUsers.find("presidium").orElseThrow());
        }
        try (DevTokenIssuer second = DevTokenIssuer.start(0, keyFile)) {
            RSAKey published = (RSAKey) JWKSet.parse(http.send(HttpRequest.newBuilder(URI.create(second.jwkSetUri()))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body()).getKeys().get(0);
            assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(published))).isTrue();
            assertThat(published.isPrivate()).as("only the public half is published").isFalse();
        }
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(issuer.issuer() + "/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(issuer.issuer() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
