package org.federation.club.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.lifecycle.application.LifecycleDeadlines;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The club lifecycle through HTTP and {@code club.events}: every step recorded, refused steps name the state. */
@ClubServiceTest
public class ClubLifecycleTest extends EmbeddedBackboneProperties {

    @Autowired
    JsonMapper json;
    @Autowired
    LifecycleDeadlines deadlines;

    /** A fresh club led by {@link Persona#LEADER} with {@link Persona#MEMBER} as member. */
    public static String newClub(HttpProbe app, String name) {
        HttpProbe.Response created = Persona.ORGANIZATION_MEMBER.on(app).postJson("/api/clubs", """
                {"name":"%s %s","category":"sports","foundedOn":"2015-09-01","leaderName":"李雷",
                 "leaderStudentNumber":"%s","contact":"club@example.edu","memberStudentNumbers":["%s"]}"""
                .formatted(name, UUID.randomUUID().toString().substring(0, 8), Persona.LEADER.subject(),
                        Persona.MEMBER.subject()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_YEAR = new java.util.concurrent.atomic.AtomicInteger(2100);

    /** An academic year no other test in this JVM uses (windows are unique per year in the shared store). */
    public static String randomYear() {
        int start = NEXT_YEAR.getAndIncrement();
        return start + "-" + (start + 1);
    }

    private List<String> typesFor(String key, int atLeast) {
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            probe.awaitAtLeast(s -> key.equals(s.key()), atLeast, Duration.ofSeconds(20));
            return probe.drain(Duration.ofMillis(500)).stream().filter(s -> key.equals(s.key())).map(TopicProbe.Seen::type)
                    .toList();
        }
    }

    @Test
    void suspensionRefusesRegistrationNamingTheStateAndReinstatementRestoresIt() {
        String id = newClub(app(), "篮球协会");
        String year = randomYear();
        assertThat(Persona.ORGANIZATION_HEAD.on(app()).postJson("/api/registration-windows",
                "{\"academicYear\":\"" + year + "\",\"deadline\":\"" + Instant.now().plusSeconds(3600) + "\"}").status())
                .isEqualTo(201);

        HttpProbe.Response suspended = Persona.PRESIDIUM.on(app()).postJson("/api/clubs/" + id + "/suspension",
                "{\"reason\":\"unpaid venue damage\"}");
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.json().get("state").asString()).isEqualTo("suspended");

        HttpProbe.Response refused = Persona.LEADER.on(app()).postJson("/api/clubs/" + id + "/registrations/" + year, "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("currentState").asString()).isEqualTo("suspended");
        assertThat(refused.json().get("allowedActions").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("reinstate", "request-dissolution");

        HttpProbe.Response again = Persona.PRESIDIUM.on(app()).postJson("/api/clubs/" + id + "/suspension",
                "{\"reason\":\"twice\"}");
        assertThat(again.status()).isEqualTo(409);

        HttpProbe.Response reinstated = Persona.PRESIDIUM.on(app()).postJson("/api/clubs/" + id + "/reinstatement",
                "{\"reason\":\"damage paid\"}");
        assertThat(reinstated.json().get("state").asString()).isEqualTo("active");
        JsonNode history = Persona.MEMBER.on(app()).get("/api/clubs/" + id + "/lifecycle").json().get("history");
        assertThat(history.valueStream().map(t -> t.get("action").asString() + "/" + t.get("actor").asString() + "/"
                + t.get("reason").asString()))
                .containsExactly("establish/" + Persona.ORGANIZATION_MEMBER.subject() + "/brought onto the platform",
                        "suspend/" + Persona.PRESIDIUM.subject() + "/unpaid venue damage",
                        "reinstate/" + Persona.PRESIDIUM.subject() + "/damage paid");
        assertThat(typesFor(id, 3)).containsExactly("org.federation.club.established.v1",
                "org.federation.club.suspended.v1", "org.federation.club.reinstated.v1");
    }

    @Test
    void dissolutionWaitsForFinanceToSettleTheAccountThenCompletesOnce() throws Exception {
        String id = newClub(app(), "围棋社");
        HttpProbe.Response requested = Persona.LEADER.on(app()).postJson("/api/clubs/" + id + "/dissolution",
                "{\"reason\":\"members graduated\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(requested.json().get("state").asString()).isEqualTo("dissolving");
        assertThat(Persona.LEADER.on(app()).postJson("/api/clubs/" + id + "/elections", ElectionJson.valid()).status())
                .as("a dissolving club does nothing else").isEqualTo(409);

        String settled = """
                {"account":{"id":"acct-%1$s","owner":"club","clubId":"%1$s","name":"x","balanceFen":0,
                 "state":"settled","openedAt":"2026-01-01T00:00:00Z"},"clubId":"%1$s","settledBalanceFen":1250,
                 "movedTo":"federation-general"}""".formatted(id);
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send("finance.events", RawEvents.envelope("org.federation.finance.account-settled.v1", "/finance-service",
                    "acct-" + id, 2, settled));
            raw.send("finance.events", RawEvents.envelope("org.federation.finance.account-settled.v1", "/finance-service",
                    "acct-" + id, 2, settled));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                "dissolved".equals(HttpProbe.onPort(port).get("/api/clubs/" + id).json().get("state").asString()));
        assertThat(typesFor(id, 3)).as("dissolved once, though the settlement came twice").containsExactly(
                "org.federation.club.established.v1", "org.federation.club.dissolution-requested.v1",
                "org.federation.club.dissolved.v1");
        JsonNode last = Persona.ORGANIZATION_MEMBER.on(app()).get("/api/clubs/" + id + "/lifecycle").json();
        assertThat(last.at("/history/2/reason").asString()).contains("acct-" + id, "1250 fen");
        assertThat(last.get("allowedActions").isEmpty()).isTrue();
    }

    @Test
    void aSettlementWithoutAClubGoesToTheDeadLetterTopic() {
        String key = "acct-poison-" + UUID.randomUUID();
        try (TopicProbe dlq = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(),
                "finance.events.club-service.dlq");
             RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send("finance.events", RawEvents.envelope("org.federation.finance.account-settled.v1", "/finance-service",
                    key, 1, "{\"settledBalanceFen\":0}"));
            assertThat(dlq.await(s -> key.equals(s.key()), Duration.ofSeconds(30))).isNotEmpty();
        }
    }

    @Test
    void registrationOnTimeLateAndMissedAreAllVisible() {
        String onTime = newClub(app(), "英语角");
        String missing = newClub(app(), "街舞社");
        String year = randomYear();
        Instant deadline = businessClock.instant().plus(Duration.ofHours(1));
        HttpProbe.Response window = Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/registration-windows",
                "{\"academicYear\":\"" + year + "\",\"deadline\":\"" + deadline + "\"}");
        assertThat(window.status()).as(window.body()).isEqualTo(201);
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/registration-windows",
                "{\"academicYear\":\"" + year + "\",\"deadline\":\"" + deadline + "\"}").status()).isEqualTo(409);

        JsonNode form = Persona.LEADER.on(app()).get("/api/clubs/" + onTime + "/registrations/" + year).json();
        assertThat(form.get("contact").asString()).as("prefilled").isEqualTo("club@example.edu");
        assertThat(form.get("memberCount").asInt()).isEqualTo(1);
        assertThat(form.get("status").asString()).isEqualTo("due");
        HttpProbe.Response registered = Persona.LEADER.on(app()).postJson(
                "/api/clubs/" + onTime + "/registrations/" + year, "{\"contact\":\"english@example.edu\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(registered.json().get("status").asString()).isEqualTo("registered");
        assertThat(registered.json().at("/submitted/changedFields/0").asString()).isEqualTo("contact");
        assertThat(Persona.MEMBER.on(app()).postJson("/api/clubs/" + missing + "/registrations/" + year, "{}").status())
                .as("a member is not a leader").isEqualTo(403);

        deadlines.sweep(passBusinessTime(deadline));

        JsonNode missed = HttpProbe.onPort(port).get("/api/clubs/" + missing).json();
        assertThat(missed.get("state").asString()).isEqualTo("unregistered");
        // (other tests' windows may have passed too, so the on-time club's state is not asserted, its year is)
        assertThat(Persona.LEADER.on(app()).get("/api/clubs/" + onTime + "/registrations/" + year).json()
                .get("status").asString()).isEqualTo("registered");
        // by name: clubs other tests made while their business time was ahead list before these (newest first)
        assertThat(ids("/api/clubs?size=100&registeredFor=" + year + "&q=" + nameOf(onTime))).contains(onTime);
        assertThat(ids("/api/clubs?size=100&registeredFor=" + year + "&q=" + nameOf(missing))).doesNotContain(missing);
        assertThat(ids("/api/clubs?size=100&unregisteredFor=" + year + "&q=" + nameOf(missing))).contains(missing);
        assertThat(ids("/api/clubs?size=100&unregisteredFor=" + year + "&q=" + nameOf(onTime))).doesNotContain(onTime);
        JsonNode dashboard = Persona.ORGANIZATION_HEAD.on(app()).get("/api/lifecycle/dashboard?academicYear=" + year).json();
        assertThat(dashboard.get("missingRegistrations").valueStream().map(c -> c.get("clubId").asString()))
                .contains(missing).doesNotContain(onTime);

        HttpProbe.Response late = Persona.LEADER.on(app()).postJson("/api/clubs/" + missing + "/registrations/" + year, "{}");
        assertThat(late.json().get("status").asString()).isEqualTo("late-awaiting-acceptance");
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).get("/api/lifecycle/dashboard?academicYear=" + year).json()
                .get("lateRegistrationsAwaitingAcceptance").valueStream().map(c -> c.get("clubId").asString()))
                .contains(missing);
        HttpProbe.Response accepted = Persona.ORGANIZATION_HEAD.on(app()).postJson(
                "/api/clubs/" + missing + "/registrations/" + year + "/acceptance", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("registered");
        assertThat(HttpProbe.onPort(port).get("/api/clubs/" + missing).json().get("state").asString()).isEqualTo("active");
        assertThat(typesFor(missing, 4)).startsWith("org.federation.club.established.v1")
                .containsSubsequence("org.federation.club.registration-missed.v1",
                        "org.federation.club.late-registration-submitted.v1", "org.federation.club.registration-confirmed.v1")
                .endsWith("org.federation.club.registration-confirmed.v1");
        // issue 19: the late submission is a fact of its own, by the leader who sent it, for the department's queue
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            TopicProbe.Seen submitted = probe.await(s -> missing.equals(s.key())
                    && s.type().equals("org.federation.club.late-registration-submitted.v1"), Duration.ofSeconds(20)).get(0);
            assertThat(submitted.headers()).containsEntry("ce_actor", Persona.LEADER.subject())
                    .containsEntry("ce_subject", missing);
            assertThat(submitted.payload()).contains("\"academicYear\":\"" + year + "\"")
                    .contains("\"state\":\"unregistered\"");
            assertThat(probe.drain(Duration.ofMillis(300)).stream().filter(s -> missing.equals(s.key())
                    && s.type().endsWith("late-registration-submitted.v1"))).as("once").hasSize(1);
        }
    }

    @Test
    void aHandoverTakesEffectOnlyOnceTheDepartmentConfirmsTheRecordedElection() {
        String id = newClub(app(), "吉他社");
        HttpProbe.Response early = Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/clubs/" + id + "/handover-confirmation", "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("no election meeting has been recorded");

        HttpProbe.Response numberAsYes = Persona.LEADER.on(app()).postJson("/api/clubs/" + id + "/elections",
                ElectionJson.valid().replace("\"quorumReached\":true", "\"quorumReached\":3"));
        assertThat(numberAsYes.status()).as("3 is not a yes").isEqualTo(400);
        assertThat(numberAsYes.json().get("detail").asString()).contains("quorumReached");
        HttpProbe.Response recorded = Persona.LEADER.on(app()).postJson("/api/clubs/" + id + "/elections", ElectionJson.valid());
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.json().at("/leaders/0/studentNumber").asString()).as("not yet").isEqualTo(Persona.LEADER.subject());
        assertThat(Persona.MEMBER.on(app()).postJson("/api/clubs/" + id + "/elections", ElectionJson.valid()).status())
                .isEqualTo(403);
        assertThat(Persona.LEADER.on(app()).postJson("/api/clubs/" + id + "/handover-confirmation", "").status())
                .as("a club cannot confirm its own handover").isEqualTo(403);

        HttpProbe.Response confirmed = Persona.ORGANIZATION_MEMBER.on(app())
                .postJson("/api/clubs/" + id + "/handover-confirmation", "");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().at("/leaders/0/studentNumber").asString()).isEqualTo(Persona.MEMBER.subject());
        assertThat(confirmed.json().at("/pastTerms/0/leaders/0/studentNumber").asString()).isEqualTo(Persona.LEADER.subject());
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/clubs/" + id + "/handover-confirmation", "")
                .status()).as("nothing left to confirm").isEqualTo(409);
        assertThat(Persona.MEMBER.on(app()).postJson("/api/clubs/" + id + "/dissolution", "{\"reason\":\"x\"}").status())
                .as("the new president now speaks for the club").isEqualTo(200);
        assertThat(typesFor(id, 4)).containsExactly("org.federation.club.established.v1",
                "org.federation.club.election-recorded.v1", "org.federation.club.leadership-changed.v1",
                "org.federation.club.dissolution-requested.v1");
    }

    @Test
    void aTermThatEndsWithoutAHandoverIsFlaggedOnTheDashboardAndAsAnEvent() {
        String id = newClub(app(), "舞龙队");
        deadlines.sweep(Instant.now().plus(Duration.ofDays(400)));
        deadlines.sweep(Instant.now().plus(Duration.ofDays(401)));
        JsonNode dashboard = Persona.ORGANIZATION_MEMBER.on(app()).get("/api/lifecycle/dashboard").json();
        assertThat(dashboard.get("overdueHandovers").valueStream().map(c -> c.get("clubId").asString())).contains(id);
        // (a sweep 400 days ahead also passes other tests' registration deadlines, so only the flag is counted)
        assertThat(typesFor(id, 2)).as("flagged once").startsWith("org.federation.club.established.v1")
                .filteredOn("org.federation.club.handover-overdue.v1"::equals).hasSize(1);
    }

    @Test
    void clubsMergeIntoOneOfThemOrIntoANewClubAndTheLineageShowsIt() {
        String into = newClub(app(), "羽毛球协会");
        String away = newClub(app(), "羽毛球俱乐部");
        HttpProbe.Response merger = Persona.ORGANIZATION_HEAD.on(app()).postJson("/api/mergers",
                "{\"mergedClubIds\":[\"" + away + "\"],\"intoClubId\":\"" + into + "\",\"reason\":\"same sport\"}");
        assertThat(merger.status()).as(merger.body()).isEqualTo(201);
        assertThat(merger.json().get("completedAt").isNull()).isFalse();
        JsonNode ended = HttpProbe.onPort(port).get("/api/clubs/" + away + "/lineage").json();
        assertThat(ended.get("state").asString()).isEqualTo("merged");
        assertThat(ended.get("successors").valueStream().map(JsonNode::asString)).containsExactly(into);
        assertThat(HttpProbe.onPort(port).get("/api/clubs/" + into + "/lineage").json().get("predecessors")
                .valueStream().map(JsonNode::asString)).containsExactly(away);
        assertThat(Persona.LEADER.on(app()).postJson("/api/clubs/" + away + "/dissolution", "{\"reason\":\"x\"}").status())
                .as("a merged club is gone").isEqualTo(409);

        String third = newClub(app(), "乒乓球社");
        HttpProbe.Response intoNew = Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/mergers", """
                {"mergedClubIds":["%s","%s"],"newClub":{"name":"球类联合会 %s","category":"sports",
                 "contact":"ball@example.edu","president":"%s"},"reason":"one ball club"}"""
                .formatted(into, third, UUID.randomUUID().toString().substring(0, 6), Persona.MEMBER.subject()));
        assertThat(intoNew.status()).as(intoNew.body()).isEqualTo(201);
        String successor = intoNew.json().get("successorId").asString();
        JsonNode lineage = HttpProbe.onPort(port).get("/api/clubs/" + away + "/lineage").json();
        assertThat(lineage.get("successors").valueStream().map(JsonNode::asString)).containsExactly(into, successor);
        assertThat(HttpProbe.onPort(port).get("/api/clubs/" + successor + "/lineage").json().get("predecessors")
                .valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(into, third, away);
        JsonNode leadership = Persona.MEMBER.on(app()).get("/api/clubs/" + successor + "/leadership").json();
        assertThat(leadership.at("/leaders/0/studentNumber").asString()).isEqualTo(Persona.MEMBER.subject());
        assertThat(leadership.get("pastTerms").valueStream().map(t -> t.get("clubId").asString()))
                .contains(into, third, away);
        assertThat(typesFor(successor, 2)).containsExactly("org.federation.club.established.v1",
                "org.federation.club.merged.v1");
        assertThat(typesFor(third, 2)).containsExactly("org.federation.club.established.v1",
                "org.federation.club.merged.v1");

        HttpProbe.Response ofMerged = Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/mergers",
                "{\"mergedClubIds\":[\"" + away + "\"],\"intoClubId\":\"" + successor + "\",\"reason\":\"again\"}");
        assertThat(ofMerged.status()).isEqualTo(409);
        assertThat(ofMerged.json().get("currentState").asString()).isEqualTo("merged");
    }

    @Test
    void aMergersNewClubCannotTakeTheNameAnOpenFoundingApplicationHolds() {
        String name = org.federation.club.founding.FoundingFixtures.unique("围棋联合会");
        String application = org.federation.club.founding.FoundingFixtures.submit(app(), name,
                org.federation.club.founding.FoundingFixtures.INITIATORS);
        String away = newClub(app(), "围棋社");
        String other = newClub(app(), "五子棋社");

        HttpProbe.Response merger = Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/mergers", """
                {"mergedClubIds":["%s","%s"],"newClub":{"name":"%s","category":"sports",
                 "contact":"go@example.edu","president":"%s"},"reason":"one go club"}"""
                .formatted(away, other, name.toUpperCase(java.util.Locale.ROOT), Persona.MEMBER.subject()));

        assertThat(merger.status()).as(merger.body()).isEqualTo(409);
        assertThat(merger.body()).contains("open founding application " + application);
        assertThat(HttpProbe.onPort(port).get("/api/clubs/" + away).json().get("state").asString())
                .as("nothing merged").isEqualTo("active");
        assertThat(HttpProbe.onPort(port).get("/api/clubs/" + other).json().get("state").asString()).isEqualTo("active");
    }

    private String nameOf(String clubId) {
        return java.net.URLEncoder.encode(HttpProbe.onPort(port).get("/api/clubs/" + clubId).json().get("name").asString(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<String> ids(String path) {
        return HttpProbe.onPort(port).get(path).json().get("items").valueStream().map(c -> c.get("id").asString()).toList();
    }

    /** A coherent election record: {@link Persona#MEMBER} elected president. */
    public static final class ElectionJson {
        public static String valid() {
            return """
                    {"heldOn":"2026-06-01","membersPresent":25,"quorumReached":true,
                     "votes":[{"studentNumber":"%1$s","name":"韩梅梅","votes":18},{"studentNumber":"%2$s","name":"李雷","votes":7}],
                     "elected":[{"studentNumber":"%1$s","name":"韩梅梅","role":"president"}]}"""
                    .formatted(Persona.MEMBER.subject(), Persona.LEADER.subject());
        }
    }
}
