package org.federation.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.platform.testing.HttpProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A club's activity, across the services: the acmore Programming Club's leader proposes it at
 * event-service, the Organization Department approves it, and the club's members find it in their
 * notification-service inbox (the Publicity Department too), told by activity.events alone; the
 * leader cancels it and the members are told of that as well. A member of another club hears of
 * neither.
 */
class ActivityNoticesAcrossServicesTest extends AcrossServices {


    @BeforeAll
    static void startPlatform() throws Exception {
        startPlatform("e2e-activity-notices-");
    }


    @Test
    void aClubsMembersFindItsApprovedActivityAndItsCancellationInTheirInbox() {
        HttpProbe leader = signIn("acmore-leader", "event-service");
        HttpProbe organization = signIn("organization-member", "event-service");
        String title = "算法竞赛训练营 " + UUID.randomUUID().toString().substring(0, 6);
        Instant start = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        // Until event-service has copied the club it answers 404 (a problem without the field): keep polling.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(String.valueOf(leader.get("/api/clubs/club-acmore").json().get("memberStudentNumbers")))
                        .contains(FederationNoticeAcrossServicesTest.subjectOf("acmore-member-1")));
        awaitCaughtUp("notification-service", "club.events"); // it routes the activity to the members it knows
        HttpProbe.Response proposed = leader.postJson("/api/activities", """
                {"title":"%s","kind":"training","description":"Two evenings of contest practice","start":"%s","end":"%s",
                 "venue":"Lab %s","audience":"members","expectedSize":40,"clubs":["club-acmore"]}"""
                .formatted(title, start, start.plus(Duration.ofHours(3)), title.substring(title.length() - 6)));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String activity = proposed.json().get("id").asString();
        HttpProbe.Response approved = organization.postJson("/api/activities/" + activity + "/approval", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        HttpProbe member = signIn("acmore-member-1", "notification-service");
        String inbox = "/api/inbox?recipient=person:" + FederationNoticeAcrossServicesTest.subjectOf("acmore-member-1")
                + "&kind=%s";
        JsonNode published = awaitNotice(member, inbox.formatted("activity-published"), "Activity published: " + title);
        assertThat(published.get("subjectRef").asString()).isEqualTo("activity:" + activity);
        assertThat(published.get("body").asString()).contains("Two evenings of contest practice");
        awaitNotice(signIn("publicity-head", "notification-service"),
                "/api/inbox?recipient=department:publicity&kind=activity-published", "Activity published: " + title);

        HttpProbe.Response cancelled = leader.postJson("/api/activities/" + activity + "/cancellation",
                "{\"reason\":\"the lab is being renovated\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        JsonNode cancellation = awaitNotice(member, inbox.formatted("activity-cancelled"), "Activity cancelled: " + title);
        assertThat(cancellation.get("body").asString()).contains("the lab is being renovated");
        awaitNotice(signIn("acmore-leader", "notification-service"), "/api/inbox?recipient=person:"
                + FederationNoticeAcrossServicesTest.subjectOf("acmore-leader") + "&kind=activity-cancelled", "Activity cancelled: " + title);

        HttpProbe outsider = signIn("tennis-member-1", "notification-service");
        JsonNode theirs = outsider.get("/api/inbox?recipient=person:" + FederationNoticeAcrossServicesTest.subjectOf("tennis-member-1")
                + "&size=100").json();
        assertThat(theirs.get("items").valueStream().map(n -> n.get("title").asString())).noneMatch(t -> t.contains(title));
    }

    private static JsonNode awaitNotice(HttpProbe probe, String path, String title) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                probe.get(path).json().get("items").valueStream().filter(n -> n.get("title").asString().equals(title))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
    }
}
