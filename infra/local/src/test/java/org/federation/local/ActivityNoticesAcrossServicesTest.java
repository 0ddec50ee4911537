package org.federation.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    /**
     * E-mail that really goes out: a member whose address notification-service knows (from their token, at
     * their first call) gets the published activity's notice by e-mail too, caught by the platform's mail
     * server and shown on its page: to their address, the notice's title as subject, its text as body, in
     * names (the activity's title and what it is), never an id.
     */
    @Test
    void aMemberWithAnAddressGetsTheNoticeOfAPublishedActivityByEMail() {
        String memberSubject = FederationNoticeAcrossServicesTest.subjectOf("acmore-member-2");
        HttpProbe member = signIn("acmore-member-2", "notification-service");
        String address = member.get("/api/contacts/person:" + memberSubject).json().get("email").asString();
        assertThat(address).contains("@");
        HttpProbe leader = signIn("acmore-leader", "event-service");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(String.valueOf(leader.get("/api/clubs/club-acmore").json().get("memberStudentNumbers")))
                        .contains(memberSubject));
        awaitCaughtUp("notification-service", "club.events");
        String title = "摄影分享会 Photo walk " + UUID.randomUUID().toString().substring(0, 6);
        Instant start = Instant.now().plus(Duration.ofDays(12)).truncatedTo(ChronoUnit.HOURS);
        HttpProbe.Response proposed = leader.postJson("/api/activities", """
                {"title":"%s","kind":"training","description":"An evening walk along the lake with cameras","start":"%s",
                 "end":"%s","venue":"Lake gate","audience":"members","expectedSize":20,"clubs":["club-acmore"]}"""
                .formatted(title, start, start.plus(Duration.ofHours(2))));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String activity = proposed.json().get("id").asString();
        HttpProbe.Response approved = signIn("organization-member", "event-service")
                .postJson("/api/activities/" + activity + "/approval", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        JsonNode notice = awaitNotice(member, "/api/inbox?recipient=person:" + memberSubject + "&kind=activity-published",
                "Activity published: " + title);
        LocalMailbox.Mail mail = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> mailbox.mails().stream().filter(m -> m.to().contains(address)
                        && m.subject().equals("[Federation] Activity published: " + title))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(mail.to()).containsExactly(address);
        assertThat(mail.from()).isEqualTo("notifications@federation.example.edu");
        assertThat(mail.text().strip()).isEqualTo(notice.get("body").asString())
                .contains(title, "An evening walk along the lake")
                .doesNotContain(activity, "club-acmore", "org.federation.", memberSubject);
        // everyone it reached whose address is known (the club's leader and other member too, once they called the
        // service) gets it once
        List<String> reached = mailbox.mails().stream().filter(m -> m.subject().contains(title)).flatMap(m -> m.to().stream()).toList();
        assertThat(reached).as("each once").doesNotHaveDuplicates().contains(address);

        // what a person sees: the mail server's page and its JSON
        HttpProbe page = new HttpProbe(mailbox.page().substring(0, mailbox.page().length() - 1));
        HttpProbe.Response html = page.get("/");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("Activity published: " + title, address);
        JsonNode listed = page.get("/mails").json().get("mails").valueStream()
                .filter(m -> m.get("subject").asString().contains(title))
                .filter(m -> m.get("to").valueStream().anyMatch(to -> to.asString().equals(address))) // not the leader's copy
                .findFirst().orElseThrow();
        assertThat(listed.get("to").get(0).asString()).isEqualTo(address);
        assertThat(listed.get("text").asString()).contains("An evening walk along the lake");
        assertThat(Instant.parse(listed.get("receivedAt").asString())).isBefore(Instant.now().plusSeconds(1));
    }

    private static JsonNode awaitNotice(HttpProbe probe, String path, String title) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                probe.get(path).json().get("items").valueStream().filter(n -> n.get("title").asString().equals(title))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
    }
}
