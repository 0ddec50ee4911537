package org.federation.event.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * Issue 26: check-in verifies a credential's signature once and parses published keys once. These
 * caches must not change what is accepted: a revocation after the first verification refuses the
 * credential at its next scan, a key never published is refused however often it is tried, a key
 * rotated in works at its first scan after publication, and a repeat of a verified credential whose
 * signature bytes were changed is verified afresh and refused.
 */
@EventServiceTest
class CredentialCacheTest extends EmbeddedBackboneProperties {

    @Autowired
    ClubDirectory directory;

    /** Before an unsafe cache that kept the whole verification (revocation included), the second scan answered 201. */
    @Test
    void aCredentialVerifiedBeforeIsRefusedAtItsNextScanOnceRevoked() throws Exception {
        ECKey key = CheckInTest.publishedKey(mongo);
        String[] first = CheckInTest.clubAndActivity(app(), directory, CheckInTest.DAY.incrementAndGet());
        String[] second = CheckInTest.clubAndActivity(app(), directory, CheckInTest.DAY.incrementAndGet());
        String student = student();
        String credential = CheckInTest.credential(key, student, first[0], Instant.now().minusSeconds(120));
        HttpProbe scanner = Persona.LEADER.on(app());
        assertThat(scan(scanner, first[1], credential).status()).isEqualTo(201);

        revoke(first[0], student, Instant.now().minusSeconds(60));

        // at once: no waiting for a cache entry to expire
        HttpProbe.Response elsewhere = scan(scanner, second[1], credential);
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(422);
        assertThat(elsewhere.body()).contains("revoked");
        HttpProbe.Response again = scan(scanner, first[1], credential);
        assertThat(again.status()).as(again.body()).isEqualTo(422);
        assertThat(again.body()).contains("revoked");
    }

    /** A refusal for an unknown key is not remembered, and no unknown key is remembered as absent. */
    @Test
    void aKeyNeverPublishedIsRefusedAndAKeyRotatedInWorksAtItsFirstScanAfterPublication() throws Exception {
        ECKey published = CheckInTest.publishedKey(mongo);
        ECKey rotatedIn = new ECKeyGenerator(Curve.P_256).keyID("key-" + UUID.randomUUID()).generate();
        String[] made = CheckInTest.clubAndActivity(app(), directory, CheckInTest.DAY.incrementAndGet());
        HttpProbe scanner = Persona.LEADER.on(app());
        Instant issued = Instant.now().minusSeconds(60);
        String unpublished = CheckInTest.credential(rotatedIn, student(), made[0], issued);
        for (int i = 0; i < 3; i++) {
            HttpProbe.Response refused = scan(scanner, made[1], unpublished);
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.body()).contains("unknown-key");
        }
        assertThat(scan(scanner, made[1], CheckInTest.credential(published, student(), made[0], issued)).status())
                .as("the published key still works").isEqualTo(201);

        CheckInTest.publish(mongo, rotatedIn);

        HttpProbe.Response accepted = scan(scanner, made[1], unpublished);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(scan(scanner, made[1], CheckInTest.credential(published, student(), made[0], issued)).status())
                .as("the earlier key keeps working after a rotation").isEqualTo(201);
    }

    /** Before an unsafe cache keyed by the signed content (not the signature), the tampered repeat answered 201. */
    @Test
    void aTamperedRepeatOfAVerifiedCredentialIsRefused() throws Exception {
        ECKey key = CheckInTest.publishedKey(mongo);
        ECKey forger = new ECKeyGenerator(Curve.P_256).keyID(key.getKeyID()).generate();
        String[] first = CheckInTest.clubAndActivity(app(), directory, CheckInTest.DAY.incrementAndGet());
        String[] second = CheckInTest.clubAndActivity(app(), directory, CheckInTest.DAY.incrementAndGet());
        String student = student();
        Instant issued = Instant.now().minusSeconds(60);
        String genuine = CheckInTest.credential(key, student, first[0], issued);
        String forged = CheckInTest.credential(forger, student, first[0], issued);
        String tampered = genuine.substring(0, genuine.lastIndexOf('.')) + forged.substring(forged.lastIndexOf('.'));
        assertThat(tampered).as("same header and claims, other signature").isNotEqualTo(genuine)
                .startsWith(forged.substring(0, forged.lastIndexOf('.')));
        HttpProbe scanner = Persona.LEADER.on(app());
        assertThat(scan(scanner, first[1], genuine).status()).isEqualTo(201);

        HttpProbe.Response refused = scan(scanner, second[1], tampered);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("bad-signature");
        assertThat(scan(scanner, second[1], genuine).status()).as("the genuine one still works").isEqualTo(201);
    }

    private static HttpProbe.Response scan(HttpProbe scanner, String activityId, String credential) {
        return scanner.postJson("/api/activities/" + activityId + "/check-ins/credential", "{\"credential\":\"" + credential + "\"}");
    }

    private static String student() {
        return "2096" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    /** club-service's {@code credential-revoked}, kept by event-service before this returns. */
    private void revoke(String club, String student, Instant at) {
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            String snapshot = "{\"id\":\"%s\",\"name\":\"n\",\"category\":\"sports\",\"state\":\"active\",\"foundedOn\":\"2015-09-01\","
                    .formatted(club) + "\"leaders\":[{\"studentNumber\":\"" + Persona.LEADER.subject()
                    + "\",\"name\":\"L\",\"role\":\"president\"}],\"memberStudentNumbers\":[\"" + Persona.MEMBER.subject() + "\"]}";
            raw.send("club.events", RawEvents.envelope(ClubEventTypes.CREDENTIAL_REVOKED, "/club-service", club, 2,
                    "{\"club\":" + snapshot + ",\"studentNumber\":\"" + student + "\",\"revokedAt\":\"" + at + "\",\"reason\":\"left\"}"));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(club + "|" + student,
                org.bson.Document.class, "credential-revocations") != null);
    }
}
