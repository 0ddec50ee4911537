package org.federation.notification.delivery;

import org.federation.notification.delivery.infrastructure.WebhookSecrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.NotificationServiceTest;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.idempotency.IdempotencyStore;
import org.federation.platform.security.secret.SecretBox;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Issue 23, point 5: webhook signing secrets lay in {@code webhook-secrets} as plaintext, and the
 * response that showed a new secret once was kept in clear by the idempotency store for replay.
 * Before the fix the stored document held {@code secret} in clear, a plaintext record stayed so,
 * and {@code idempotency-keys} held the secret in the kept body.
 */
@NotificationServiceTest
class WebhookSecretsAtRestTest extends EmbeddedBackboneProperties {

    @Autowired
    WebhookSecrets secrets;
    @Autowired
    SecretBox box;

    private final String person = "67" + Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000);
    private final String hook = "http://127.0.0.1:9/hooks/" + UUID.randomUUID();

    private HttpProbe.Response register(HttpProbe self) {
        return self.send(new HttpCall("PUT", "/api/contacts/person:" + person, "application/json",
                "{\"emailEnabled\":false,\"webhooks\":[\"" + hook + "\"]}"));
    }

    @Test
    void aWebhookSecretIsStoredSealedAndStillSigns() {
        HttpProbe self = TestTokens.as(app(), person, List.of("STUDENT"));
        HttpProbe.Response registered = register(self);
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        String secret = registered.json().get("newWebhookSecrets").get(hook).asString();

        Document stored = mongo.findOne(Query.query(Criteria.where("url").is(hook)), Document.class, WebhookSecrets.COLLECTION);
        assertThat(stored).doesNotContainKey("secret");
        assertThat(stored.getString("sealedSecret")).startsWith(SecretBox.PREFIX);
        assertThat(stored.toJson()).doesNotContain(secret);
        assertThat(secrets.of("person:" + person, hook)).contains(secret);

        HttpProbe.Response rotated = self.postJson("/api/contacts/person:" + person + "/webhook-secrets",
                "{\"webhook\":\"" + hook + "\"}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newSecret = rotated.json().get("secret").asString();
        Document after = mongo.findOne(Query.query(Criteria.where("url").is(hook)), Document.class, WebhookSecrets.COLLECTION);
        assertThat(after.toJson()).doesNotContain(newSecret).doesNotContain(secret);
        assertThat(secrets.of("person:" + person, hook)).contains(newSecret);
    }

    @Test
    void aSecretStoredInPlaintextBeforeIsSealedAtStartAndKeepsSigning() {
        String recipient = "person:" + person;
        String id = Notice.idFor("webhook", recipient + "|" + hook);
        String plaintext = "whsec_" + UUID.randomUUID();
        // as WebhookSecrets stored it before encryption at rest
        mongo.insert(new Document("_id", id).append("recipient", recipient).append("url", hook).append("secret", plaintext)
                .append("createdAt", Date.from(Instant.parse("2026-01-01T00:00:00Z"))), WebhookSecrets.COLLECTION);
        assertThat(secrets.of(recipient, hook)).as("read as it is until sealed").contains(plaintext);

        assertThat(secrets.sealStoredSecrets()).isGreaterThanOrEqualTo(1);
        assertThat(secrets.sealStoredSecrets()).as("a second instance's start finds nothing left").isZero();

        Document stored = mongo.findById(id, Document.class, WebhookSecrets.COLLECTION);
        assertThat(stored).doesNotContainKey("secret");
        assertThat(stored.toJson()).doesNotContain(plaintext);
        assertThat(secrets.of(recipient, hook)).contains(plaintext);
    }

    @Test
    void anIdempotentRegistrationKeepsTheShownSecretSealedAndReplaysIt() {
        HttpProbe self = TestTokens.as(app(), person, List.of("STUDENT")).with("Idempotency-Key", "hooks-" + UUID.randomUUID());
        HttpProbe.Response first = register(self);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String secret = first.json().get("newWebhookSecrets").get(hook).asString();

        Document kept = mongo.findOne(Query.query(Criteria.where(IdempotencyStore.PATH).is("/api/contacts/person:" + person)
                .and(IdempotencyStore.METHOD).is("PUT")), Document.class, IdempotencyStore.COLLECTION);
        assertThat(kept.get(IdempotencyStore.RESPONSE, Document.class)).doesNotContainKey(IdempotencyStore.BODY)
                .containsKey(IdempotencyStore.SEALED_BODY);
        assertThat(kept.toJson()).doesNotContain(secret);

        HttpProbe.Response replayed = register(self);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("newWebhookSecrets").get(hook).asString()).isEqualTo(secret);
    }
}
