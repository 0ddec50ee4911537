package org.federation.notification.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.NotificationServiceTest;
import org.federation.notification.directory.infrastructure.ClubDirectory;
import org.federation.notification.directory.infrastructure.Departments;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Issue 19: notification-service's read models (club directory, the roster's departments, the
 * registrants) are rebuilt from {@code club.events} and {@code activity.events}, and the replay
 * routes no notice a second time (notices are its own records). Before, lost read models stayed
 * lost: a department's roster was gone until club-service changed it again.
 */
@NotificationServiceTest
class NotificationReadModelRebuildTest extends EmbeddedBackboneProperties {

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    /** The operators' commands live on the management port. */
    private HttpProbe management() {
        return HttpProbe.onPort(managementPort);
    }

    private static final List<String> READ_MODELS = List.of("clubs", "departments", "registrants");

    @Autowired
    ClubDirectory clubs;
    @Autowired
    Departments departments;

    @Test
    void directoryRosterAndRegistrantsComeBackAndNoNoticeIsRoutedAgain() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String club = "club-nrb-" + run;
        String registration = "act-nrb-" + run + "|2024000001";
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send("club.events", RawEvents.envelope(ClubEventTypes.ESTABLISHED, "/club-service", club, 1, """
                    {"club":{"id":"%s","name":"重建社","category":"sports","state":"active","leaders":[{"studentNumber":"%s",
                     "name":"L","role":"president"}],"memberStudentNumbers":["%s"]},"origin":"imported"}"""
                    .formatted(club, Persona.LEADER.subject(), Persona.MEMBER.subject())));
            raw.send("club.events", RawEvents.envelope(ClubEventTypes.ROSTER_CHANGED, "/club-service", "external-relations",
                    Long.parseLong(String.valueOf(System.nanoTime()).substring(0, 12)), """
                    {"department":"external-relations","head":{"studentNumber":"8844444441","name":"H"},
                     "members":[{"studentNumber":"8844444442","name":"M"}],
                     "liaisonOfficers":[{"studentNumber":"8844444443","name":"L","clubIds":["%s"]}],"change":"appointed"}"""
                    .formatted(club)));
            raw.send("activity.events", RawEvents.envelope(ActivityEventTypes.REGISTRATION_CHANGED, "/event-service",
                    registration, 1, """
                    {"registrationId":"%s","activityId":"act-nrb-%s","activityTitle":"t","activityStart":"2027-01-01T10:00:00Z",
                     "studentNumber":"2024000001","status":"registered","change":"registered"}""".formatted(registration, run)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> clubs.find(club).isPresent()
                && departments.heads("external-relations").contains("8844444441")
                && mongo.findById(registration, Document.class, "registrants") != null);
        Query aboutThisRun = Query.query(org.springframework.data.mongodb.core.query.Criteria.where("subjectRef").regex(run));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(aboutThisRun, "notices") > 0);
        // the notices went with the database too; they are notification-service's own records: backup, not replay
        mongo.remove(aboutThisRun, "notices");
        Map<String, List<Document>> before = readModels();

        READ_MODELS.forEach(c -> mongo.remove(new Query(), c));
        assertThat(clubs.find(club)).isEmpty();

        HttpProbe.Response rebuilt = Persona.PRESIDIUM.on(management()).postJson("/actuator/readmodels", "");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().get("outcome").asString()).isEqualTo("rebuilt");
        assertThat(rebuilt.json().get("records").has("finance.events")).as("finance events only make notices").isFalse();

        assertThat(readModels()).isEqualTo(before);
        assertThat(departments.rosterLiaisonOf(club)).contains("8844444443");
        assertThat(mongo.count(aboutThisRun, "notices")).as("the replay routes no notice again").isZero();
    }

    private Map<String, List<Document>> readModels() {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String collection : READ_MODELS) {
            List<Document> docs = new ArrayList<>(mongo.findAll(Document.class, collection));
            // a department's people seen in sign-in tokens (seenHeads, seenMembers) are not club.events' facts: they
            // come back as people sign in; the roster (with its sequence) is what the rebuild restores
            docs.forEach(d -> {
                d.remove("seenHeads");
                d.remove("seenMembers");
            });
            docs.removeIf(d -> d.keySet().equals(java.util.Set.of("_id")));
            docs.sort(Comparator.comparing(d -> String.valueOf(d.get("_id"))));
            all.put(collection, docs);
        }
        return all;
    }
}
