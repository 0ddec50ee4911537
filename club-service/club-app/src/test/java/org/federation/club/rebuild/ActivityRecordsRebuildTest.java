package org.federation.club.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

/**
 * Issue 19: club-service's activity records (its copy of event-service's facts) are rebuilt from
 * {@code activity.events} like the other services' read models; {@code finance.events} is not replayed,
 * since a settlement changes club-service's own records. Before, {@code POST /actuator/readmodels}
 * answered 400 here (no read models configured) and a lost activity record stayed lost.
 */
@ClubServiceTest
class ActivityRecordsRebuildTest extends EmbeddedBackboneProperties {

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    @Test
    void activityRecordsComeBackFromActivityEventsAndFinanceEventsAreNotReplayed() {
        String club = ClubLifecycleTest.newClub(app(), "重建棋社");
        String activity = "act-rb-" + UUID.randomUUID();
        String snapshot = """
                {"id":"%s","title":"Go night","kind":"lecture","start":"2025-03-10T10:00:00Z","end":"2025-03-10T12:00:00Z",
                 "venue":"Hall A","audience":"public","organiserClubIds":["%s"],"category":"sports","state":"approved"}"""
                .formatted(activity, club);
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send("activity.events", RawEvents.envelope(ActivityEventTypes.PUBLISHED, "/event-service", activity, 1,
                    "{\"activity\":" + snapshot + "}"));
            raw.send("activity.events", RawEvents.envelope(ActivityEventTypes.ATTENDANCE_PUBLISHED, "/event-service", activity,
                    2, "{\"activity\":" + snapshot + ",\"attendance\":1,\"walkIns\":0,\"attendees\":[\""
                            + Persona.MEMBER.subject() + "\"]}"));
        }
        String path = "/api/clubs/" + club + "/activity-record?year=2024-2025";
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Persona.LEADER.on(app()).get(path).json(),
                r -> r.get("held").size() == 1 && r.get("held").get(0).get("attendees").size() == 1);
        Document before = mongo.findById(activity, Document.class, "activity-record");

        mongo.remove(new Query(), "activity-record");
        assertThat(Persona.LEADER.on(app()).get(path).json().get("held")).isEmpty();

        HttpProbe.Response rebuilt = Persona.PRESIDIUM.on(HttpProbe.onPort(managementPort)).postJson("/actuator/readmodels", "");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().get("outcome").asString()).isEqualTo("rebuilt");
        assertThat(rebuilt.json().get("records").has("finance.events")).as("club-service's own records are not replayed")
                .isFalse();
        JsonNode record = Persona.LEADER.on(app()).get(path).json();
        assertThat(record.get("held").findValuesAsString("id")).containsExactly(activity);
        assertThat(record.get("held").get(0).get("attendees").valueStream().map(JsonNode::asString).toList())
                .isEqualTo(List.of(Persona.MEMBER.subject()));
        assertThat(mongo.findById(activity, Document.class, "activity-record")).isEqualTo(before);
    }
}
