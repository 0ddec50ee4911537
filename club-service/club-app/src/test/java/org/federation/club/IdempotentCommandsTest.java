package org.federation.club;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.federation.platform.idempotency.IdempotencyKeys;
import org.federation.platform.idempotency.IdempotencyStore;
import org.federation.platform.testing.BadInputCampaign;
import org.federation.platform.testing.BadInputs;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.StoredData;
import org.federation.platform.testing.TestTokens;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.JsonNode;

/**
 * The platform's {@code Idempotency-Key} support, through club-service's real HTTP API and store:
 * {@code POST /api/clubs} (bringing an existing club onto the platform) is the command retried.
 * Without the key a repeat of that command is refused (the name is taken), so a repeat that
 * answers 201 again can only be a replay.
 */
@ClubServiceTest
class IdempotentCommandsTest extends EmbeddedBackboneProperties {

    private static final String REGISTRAR = Persona.ORGANIZATION_MEMBER.subject();

    private HttpProbe as(Persona persona, String key) {
        HttpProbe probe = persona.on(app());
        return key == null ? probe : probe.with(IdempotencyKeys.HEADER, key);
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static String clubJson(String name) {
        return """
                {"name":"%s","category":"sports","foundedOn":"2015-09-01","leaderName":"李雷",
                 "leaderStudentNumber":"2023010001","contact":"club@example.edu"}""".formatted(name);
    }

    private long clubs() {
        return mongo.getCollection("clubs").countDocuments();
    }

    private long clubsNamed(String name) {
        return mongo.getCollection("clubs").countDocuments(new Document("name", name));
    }

    private long keys() {
        return mongo.getCollection(IdempotencyStore.COLLECTION).countDocuments();
    }

    private Document keyRecord(String subject, String key) {
        return mongo.findById(IdempotencyKeys.recordId(subject, key), Document.class, IdempotencyStore.COLLECTION);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameAnswerAndRegistersTheClubOnce() {
        String name = unique("摄影协会");
        String key = newKey();
        long before = clubs();

        HttpProbe.Response first = as(Persona.ORGANIZATION_MEMBER, key).postJson("/api/clubs", clubJson(name));
        HttpProbe.Response retry = as(Persona.ORGANIZATION_MEMBER, key).postJson("/api/clubs", clubJson(name));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        String id = first.json().get("id").asString();
        assertThat(first.header("Location")).isEqualTo("/api/clubs/" + id);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");

        assertThat(clubs()).isEqualTo(before + 1);
        assertThat(clubsNamed(name)).isEqualTo(1);
        Document record = keyRecord(REGISTRAR, key);
        assertThat(record.getString("state")).isEqualTo("completed");
        assertThat(record.getString("caller")).isEqualTo(REGISTRAR);
        assertThat(record.getString("method")).isEqualTo("POST");
        assertThat(record.getString("path")).isEqualTo("/api/clubs");
        assertThat(record.getDate("expiresAt").toInstant())
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            probe.await(s -> id.equals(s.key()), Duration.ofSeconds(20));
            long established = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(s -> "org.federation.club.established.v1".equals(s.type()))
                    .filter(s -> s.payload() != null && s.payload().contains(name)).count();
            assertThat(established).as("established events for " + name).isEqualTo(1);
        }
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedWith422AndRunsNothing() {
        String key = newKey();
        String name = unique("网球协会");
        assertThat(as(Persona.ORGANIZATION_MEMBER, key).postJson("/api/clubs", clubJson(name)).status()).isEqualTo(201);
        long before = clubs();
        String other = unique("羽毛球协会");

        HttpProbe.Response reused = as(Persona.ORGANIZATION_MEMBER, key).postJson("/api/clubs", clubJson(other));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        JsonNode problem = reused.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:federation:problem:idempotency-key-reused");
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("detail").asString()).contains("different request", "POST /api/clubs");
        assertThat(reused.header(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(clubs()).isEqualTo(before);
        assertThat(clubsNamed(other)).isZero();
    }

    @Test
    void twoCallersWithTheSameKeyBothRun() {
        String key = newKey();
        String first = unique("书法协会");
        String second = unique("篆刻协会");

        HttpProbe.Response byMember = as(Persona.ORGANIZATION_MEMBER, key).postJson("/api/clubs", clubJson(first));
        HttpProbe.Response byPresidium = as(Persona.PRESIDIUM, key).postJson("/api/clubs", clubJson(second));

        assertThat(byMember.status()).isEqualTo(201);
        assertThat(byPresidium.status()).as(byPresidium.body()).isEqualTo(201);
        assertThat(byPresidium.header(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(byPresidium.json().get("id").asString()).isNotEqualTo(byMember.json().get("id").asString());
        assertThat(clubsNamed(first)).isEqualTo(1);
        assertThat(clubsNamed(second)).isEqualTo(1);
        assertThat(keyRecord(REGISTRAR, key).getString("caller")).isEqualTo(REGISTRAR);
        assertThat(keyRecord(Persona.PRESIDIUM.subject(), key).getString("caller")).isEqualTo(Persona.PRESIDIUM.subject());
    }

    @Test
    void aRefusedRequestReleasesItsKeySoTheCorrectedRequestRuns() {
        String key = newKey();
        String name = unique("围棋协会");
        long before = clubs();

        HttpProbe.Response invalid = as(Persona.ORGANIZATION_MEMBER, key)
                .postJson("/api/clubs", clubJson(name).replace("sports", "cooking"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(keyRecord(REGISTRAR, key)).as("a refused request leaves no claim").isNull();

        HttpProbe.Response corrected = as(Persona.ORGANIZATION_MEMBER, key).postJson("/api/clubs", clubJson(name));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.header(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(clubsNamed(name)).isEqualTo(1);

        // a name already taken (409), then another name under the same key
        String taken = unique("象棋协会");
        assertThat(as(Persona.ORGANIZATION_MEMBER, null).postJson("/api/clubs", clubJson(taken)).status()).isEqualTo(201);
        String key2 = newKey();
        HttpProbe.Response conflict = as(Persona.ORGANIZATION_MEMBER, key2).postJson("/api/clubs", clubJson(taken));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("type").asString()).isEqualTo("urn:federation:problem:conflict");
        String free = unique("国际象棋协会");
        HttpProbe.Response renamed = as(Persona.ORGANIZATION_MEMBER, key2).postJson("/api/clubs", clubJson(free));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(201);
        assertThat(clubsNamed(free)).isEqualTo(1);
        assertThat(clubs()).isEqualTo(before + 3);
    }

    @Test
    void anInvalidKeyIsRefusedWith400AndNothingIsStored() {
        long clubsBefore = clubs();
        long keysBefore = keys();
        for (String key : new String[] {"", "k".repeat(300)}) {
            String name = unique("无效键协会");
            HttpProbe.Response refused = as(Persona.ORGANIZATION_MEMBER, key).postJson("/api/clubs", clubJson(name));

            assertThat(refused.status()).as("key of " + key.length() + " chars: " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            JsonNode problem = refused.json();
            assertThat(problem.get("type").asString()).isEqualTo("urn:federation:problem:validation");
            assertThat(problem.get("detail").asString()).startsWith("Idempotency-Key: ");
            assertThat(problem.at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
            assertThat(clubsNamed(name)).isZero();
        }
        // the JDK's client sends header values as ASCII (é becomes ?), so non-ASCII keys go over a raw socket
        String name = unique("无效键协会");
        String latin = rawPost("clé".getBytes(StandardCharsets.ISO_8859_1), clubJson(name));
        assertThat(latin).as(latin).startsWith("HTTP/1.1 400 ")
                .contains("application/problem+json", "urn:federation:problem:validation", "Idempotency-Key: ",
                        "printable ASCII");
        // UTF-8 bytes read as Latin-1 include a C1 control character, which Spring Security's firewall
        // refuses as soon as the header is read: a 400 problem too
        String utf8 = rawPost("键".getBytes(StandardCharsets.UTF_8), clubJson(name));
        assertThat(utf8).as(utf8).startsWith("HTTP/1.1 400 ").contains("application/problem+json", "\"status\":400");
        assertThat(clubsNamed(name)).isZero();
        assertThat(clubs()).isEqualTo(clubsBefore);
        assertThat(keys()).isEqualTo(keysBefore);
    }

    /** POST /api/clubs as the registrar with these bytes as the key, over a plain socket; the whole response. */
    private String rawPost(byte[] key, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String token = TestTokens.tokenFor(REGISTRAR, Persona.ORGANIZATION_MEMBER.roles());
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /api/clubs HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\nIdempotency-Key: ").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(key);
        request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void requestsWithoutAKeyBehaveAsBefore() {
        long keysBefore = keys();
        String name = unique("无键协会");

        HttpProbe.Response created = as(Persona.ORGANIZATION_MEMBER, null).postJson("/api/clubs", clubJson(name));
        HttpProbe.Response repeated = as(Persona.ORGANIZATION_MEMBER, null).postJson("/api/clubs", clubJson(name));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(repeated.status()).as("without a key a repeat runs again, and the name is taken").isEqualTo(409);
        assertThat(keys()).isEqualTo(keysBefore);
        // a query ignores the header altogether, even an invalid one
        HttpProbe.Response query = as(Persona.ORGANIZATION_MEMBER, "").get("/api/clubs");
        assertThat(query.status()).isEqualTo(200);
    }

    @Test
    void whileTheKeysFirstRequestIsStillRunningARetryGets409WithRetryAfter() {
        String key = newKey();
        String name = unique("机器人协会");
        insertClaim(key, clubJson(name), Instant.now().plus(Duration.ofMinutes(1)));
        long before = clubs();

        HttpProbe.Response retry = as(Persona.ORGANIZATION_MEMBER, key).postJson("/api/clubs", clubJson(name));

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.header("Retry-After")).isEqualTo("1");
        assertThat(retry.contentType()).startsWith("application/problem+json");
        assertThat(retry.json().get("type").asString()).isEqualTo("urn:federation:problem:idempotency-key-in-progress");
        assertThat(retry.json().get("detail").asString()).contains("still being processed");
        assertThat(clubs()).isEqualTo(before);
        assertThat(keyRecord(REGISTRAR, key).getString("token")).isEqualTo("instance-that-is-still-running");
    }

    @Test
    void aClaimWhoseLeaseExpiredIsTakenOverAndTheRequestRuns() {
        String key = newKey();
        String name = unique("航模协会");
        insertClaim(key, clubJson(name), Instant.now().minus(Duration.ofSeconds(5)));

        HttpProbe.Response retry = as(Persona.ORGANIZATION_MEMBER, key).postJson("/api/clubs", clubJson(name));

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(clubsNamed(name)).isEqualTo(1);
        Document record = keyRecord(REGISTRAR, key);
        assertThat(record.getString("state")).isEqualTo("completed");
        assertThat(record.getString("token")).isNotEqualTo("instance-that-is-still-running");
        assertThat(as(Persona.ORGANIZATION_MEMBER, key).postJson("/api/clubs", clubJson(name))
                .header(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");
    }

    @Test
    void aMultipartImportRetriedWithAnotherBoundaryIsReplayed() {
        String key = newKey();
        String name = unique("陶艺社");
        String csv = "name,category,foundedOn,leaderName,leaderStudentNumber,contact\n"
                + name + ",arts-culture,2016-03-01,韩梅梅,2023020002,clay@example.edu\n";
        long before = clubs();

        HttpProbe.Response first = as(Persona.ORGANIZATION_MEMBER, key).post("/api/clubs/import",
                "multipart/form-data; boundary=first", multipart("first", csv));
        HttpProbe.Response retry = as(Persona.ORGANIZATION_MEMBER, key).post("/api/clubs/import",
                "multipart/form-data; boundary=second", multipart("second", csv));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(1);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(clubs()).isEqualTo(before + 1);
        assertThat(clubsNamed(name)).isEqualTo(1);
    }

    @Test
    void theApiDescriptionOffersTheHeaderOnCommandsOnly() {
        JsonNode paths = app().get("/v3/api-docs").json().get("paths");

        for (String command : new String[] {"/~1api~1clubs/post", "/~1api~1clubs~1import/post"}) {
            JsonNode header = paths.at(command + "/parameters").valueStream()
                    .filter(p -> IdempotencyKeys.HEADER.equals(p.get("name").asString())).findFirst().orElse(null);
            assertThat(header).as(command + ": " + paths.at(command)).isNotNull();
            assertThat(header.get("in").asString()).isEqualTo("header");
            assertThat(header.path("required").asBoolean(false)).isFalse();
            assertThat(header.at("/schema/maxLength").asInt()).isEqualTo(255);
        }
        assertThat(paths.at("/~1api~1clubs/get").toString()).doesNotContain("Idempotency-Key");
        assertThat(paths.at("/~1api~1clubs~1{id}/get").toString()).doesNotContain("Idempotency-Key");
    }

    @Test
    void badInputSentWithAKeyIsRefusedPreciselyAndLeavesNoClaimBehind() {
        // one key for the whole campaign: every refusal must release it, or the next request would meet it
        HttpProbe presidium = as(Persona.PRESIDIUM, newKey());
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("name", "Valid base club");
        valid.put("category", "sports");
        valid.put("foundedOn", "2015-09-01");
        valid.put("leaderName", "李雷");
        valid.put("leaderStudentNumber", "2023010001");
        valid.put("contact", "club@example.edu");
        Arbitrary<HttpCall> brokenJson = BadInputs.brokenJson(valid).map(body -> HttpCall.postJson("/api/clubs", body));
        Arbitrary<HttpCall> wrongMediaType = Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded")
                .map(type -> HttpCall.post("/api/clubs", type, "{}"));
        Arbitrary<HttpCall> tooLarge = Arbitraries.just(HttpCall.postJson("/api/clubs", BadInputs.oversizedBody()));
        Arbitrary<HttpCall> badMultipart = Arbitraries.of("--xyz--\r\n", "no boundary at all",
                        "--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--xyz--\r\n")
                .map(body -> HttpCall.post("/api/clubs/import", "multipart/form-data; boundary=xyz", body));
        Arbitrary<HttpCall> otherMethods = BadInputs.unsupportedMethods("/api/clubs/some-club");

        new BadInputCampaign(presidium, () -> StoredData.of(mongo))
                .refuses("POST /api/clubs with a key (broken JSON)", 400, brokenJson, 120)
                .refuses("POST /api/clubs with a key (wrong media type)", 415, wrongMediaType, 10)
                .refuses("POST /api/clubs with a key (body over 1 MB)", 413, tooLarge, 2)
                .refuses("POST /api/clubs/import multipart with a key (broken)", 400, badMultipart, 10)
                .refuses("POST/PUT/PATCH/DELETE /api/clubs/{id} with a key (405)", 405, otherMethods, 40)
                .verify();
    }

    private static String multipart(String boundary, String csv) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"clubs.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
    }

    /** A claim left by another instance, as the store keeps it, for exactly the request the test sends. */
    private void insertClaim(String key, String body, Instant leaseEnds) {
        Instant created = leaseEnds.minus(Duration.ofSeconds(60));
        mongo.getCollection(IdempotencyStore.COLLECTION).insertOne(
                new Document("_id", IdempotencyKeys.recordId(REGISTRAR, key))
                        .append("caller", REGISTRAR).append("key", key)
                        .append("method", "POST").append("path", "/api/clubs")
                        .append("fingerprint", IdempotencyKeys.fingerprint("POST", "/api/clubs", null, "application/json",
                                body.getBytes(StandardCharsets.UTF_8)))
                        .append("state", "in-progress").append("token", "instance-that-is-still-running")
                        .append("createdAt", Date.from(created)).append("expiresAt", Date.from(leaseEnds)));
    }
}
