package org.federation.event.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.checkin.CheckInTest;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.platform.messaging.consumer.ReadModelRebuild;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.Message;

import com.nimbusds.jose.jwk.ECKey;

/**
 * Issue 19: event-service's read models (club directory, credential keys and revocations, finance's
 * budget decisions and spending) are rebuilt from the owner topics when lost, by one instance, and
 * a credential issued before the loss verifies at check-in afterwards. Before, a service whose
 * read-model collections were emptied had no way to fill them again (the group resumes at its
 * committed offsets): every club was unknown and every credential was refused.
 */
@EventServiceTest
class ReadModelRebuildTest extends EmbeddedBackboneProperties {

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    /** The operators' commands live on the management port. */
    private HttpProbe management() {
        return HttpProbe.onPort(managementPort);
    }

    @Autowired
    ReadModelRebuild rebuild;
    @Autowired
    ClubDirectory directory;
    @Autowired
    ApplicationContext context;

    @Test
    void lostReadModelsAreRebuiltOnceFromTheOwnerTopicsAndAnOldCredentialStillVerifies() throws Exception {
        String[] made = CheckInTest.clubAndActivity(app(), directory, 700 + java.util.concurrent.ThreadLocalRandom.current().nextInt(200));
        String club = made[0];
        String base = "/api/activities/" + made[1];
        ECKey key = CheckInTest.publishedKey(mongo);
        String credential = CheckInTest.credential(key, Persona.MEMBER.subject(), club, Instant.now().minusSeconds(60));
        String revokedCredential = CheckInTest.credential(key, Persona.STUDENT.subject(), club, Instant.now().minusSeconds(3600));
        revoke(club, Persona.STUDENT.subject());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(new Query(), "credential-revocations") > 0
                && mongo.findById(club, Document.class, "clubs").getLong("sequence") == 2L);
        Map<String, List<Document>> before = readModels();
        assertThat(before.get("clubs")).extracting(d -> d.get("_id")).contains(club);

        rebuild.collections().forEach(c -> mongo.remove(new Query(), c)); // the read models are lost
        assertThat(Persona.LEADER.on(app()).postJson(base + "/check-ins/credential", "{\"credential\":\"" + credential + "\"}")
                .status()).as("no key, no club: refused while the read models are gone").isNotIn(200, 201);

        // two instances starting at once over the emptied read models
        List<ReadModelRebuild.Outcome> outcomes = startingAtOnce(instance(), instance());
        assertThat(outcomes).extracting(ReadModelRebuild.Outcome::outcome).containsOnlyOnce(ReadModelRebuild.Outcome.REBUILT);
        assertThat(outcomes).filteredOn(o -> !o.outcome().equals(ReadModelRebuild.Outcome.REBUILT))
                .extracting(ReadModelRebuild.Outcome::outcome)
                .containsAnyOf(ReadModelRebuild.Outcome.HELD_ELSEWHERE, ReadModelRebuild.Outcome.NOT_EMPTY);
        ReadModelRebuild.Outcome rebuilt = outcomes.stream()
                .filter(o -> o.outcome().equals(ReadModelRebuild.Outcome.REBUILT)).findFirst().orElseThrow();
        assertThat(rebuilt.records()).containsKeys("club.events", "finance.events");

        assertThat(readModels()).as("every club, key, revocation, decision and spending figure is back").isEqualTo(before);
        HttpProbe scanner = Persona.LEADER.on(app());
        HttpProbe.Response checkedIn = scanner.postJson(base + "/check-ins/credential", "{\"credential\":\"" + credential + "\"}");
        assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(201);
        HttpProbe.Response refused = scanner.postJson(base + "/check-ins/credential", "{\"credential\":\"" + revokedCredential + "\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("revoked");
    }

    @Test
    void theOperatorRebuildsThroughTheActuatorAndNobodyElseMay() throws Exception {
        String club = "club-rb-" + UUID.randomUUID();
        org.federation.club.contracts.testing.ClubFacts.publishEstablished(club, "重建社 " + club.substring(8, 14),
                Persona.LEADER.subject(), List.of(Persona.MEMBER.subject()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(club).isPresent());
        mongo.remove(new Query(), "clubs");

        assertThat(management().postJson("/actuator/readmodels", "").status()).isEqualTo(401);
        HttpProbe.Response leader = Persona.LEADER.on(management()).postJson("/actuator/readmodels", "");
        assertThat(leader.status()).as(leader.body() + leader.headers()).isEqualTo(403);
        HttpProbe.Response done = Persona.PRESIDIUM.on(management()).postJson("/actuator/readmodels", "");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("outcome").asString()).isEqualTo("rebuilt");
        assertThat(done.json().get("records").get("club.events").asLong()).isPositive();
        assertThat(directory.find(club)).isPresent();

        HttpProbe.Response status = Persona.PRESIDIUM.on(management()).get("/actuator/readmodels");
        assertThat(status.json().get("state").asString()).isEqualTo("completed");
        assertThat(status.json().get("collections").toString()).contains("credential-keys");
    }

    /** Issue 19, item 1, seen from the running service: its topics' retention after start-up. */
    @Test
    void afterStartTheOwnerTopicKeepsEverythingAndDeadLettersAreBounded() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedBackbone.get().kafkaBootstrapServers()))) {
            assertThat(retention(admin, "activity.events")).isEqualTo("-1");
            assertThat(retention(admin, "club.events")).isEqualTo("-1");
            assertThat(retention(admin, "club.events.event-service.dlq"))
                    .isEqualTo(Long.toString(Duration.ofDays(14).toMillis()));
        }
    }

    private static String retention(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(20, TimeUnit.SECONDS).get(resource)
                .get("retention.ms").value();
    }

    /** Another instance of the service: the same store, the same handlers, a rebuild of its own. */
    @SuppressWarnings("unchecked")
    private ReadModelRebuild instance() {
        Map<String, String> functions = Map.of("club.events", "clubEvents", "finance.events", "financeEvents");
        return new ReadModelRebuild(EmbeddedBackbone.get().kafkaBootstrapServers(), "event-service", rebuild.topics(),
                rebuild.collections(), topic -> (Consumer<Message<byte[]>>) context.getBean(functions.get(topic)), mongo,
                Clock.systemUTC(), Duration.ofMinutes(2));
    }

    private static List<ReadModelRebuild.Outcome> startingAtOnce(ReadModelRebuild... instances) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(instances.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ReadModelRebuild.Outcome>> running = new ArrayList<>();
            for (ReadModelRebuild instance : instances) {
                running.add(pool.submit(() -> {
                    start.await();
                    return instance.rebuildIfEmpty();
                }));
            }
            start.countDown();
            List<ReadModelRebuild.Outcome> outcomes = new ArrayList<>();
            for (Future<ReadModelRebuild.Outcome> outcome : running) {
                outcomes.add(outcome.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, List<Document>> readModels() {
        Map<String, List<Document>> all = new java.util.TreeMap<>();
        for (String collection : rebuild.collections()) {
            List<Document> docs = new ArrayList<>(mongo.findAll(Document.class, collection));
            docs.forEach(d -> d.remove("firstSeenAt")); // when this copy first saw the club: a rebuilt copy sees it anew
            docs.sort(Comparator.comparing(d -> String.valueOf(d.get("_id"))));
            all.put(collection, docs);
        }
        return all;
    }

    private static void revoke(String club, String student) {
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            String snapshot = "{\"id\":\"%s\",\"name\":\"n\",\"category\":\"sports\",\"state\":\"active\",\"foundedOn\":\"2015-09-01\","
                    .formatted(club) + "\"leaders\":[{\"studentNumber\":\"" + Persona.LEADER.subject()
                    + "\",\"name\":\"L\",\"role\":\"president\"}],\"memberStudentNumbers\":[\"" + Persona.MEMBER.subject() + "\"]}";
            raw.send("club.events", RawEvents.envelope(ClubEventTypes.CREDENTIAL_REVOKED, "/club-service", club, 2,
                    "{\"club\":" + snapshot + ",\"studentNumber\":\"" + student + "\",\"revokedAt\":\""
                            + Instant.now().minusSeconds(60) + "\",\"reason\":\"left\"}"));
        }
    }
}
