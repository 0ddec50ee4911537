package org.federation.event.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.activities.domain.Activities;
import org.federation.event.activities.domain.Activity;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.report.application.SummaryReports;
import org.federation.platform.domain.Decision;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Summary reports: attendance filled from check-ins, the report event, and an overdue report announced once. */
@EventServiceTest
public class SummaryReportTest extends EmbeddedBackboneProperties {

    @Autowired
    ClubDirectory directory;

    @Autowired
    Activities activities;

    @Autowired
    SummaryReports reports;

    /** An approved activity of a club led by LEADER that ended an hour ago (stored directly: proposals need lead time). */
    public static String endedActivity(Activities activities, ClubDirectory directory) {
        String club = "club-rep-" + UUID.randomUUID();
        // the liaison persona looks after the club, as the authorization matrix expects
        ClubFacts.publish(ClubFacts.established(club, "总结社 " + club.substring(9, 17), Persona.LEADER.subject(),
                List.of(Persona.MEMBER.subject()), Persona.LIAISON.subject()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(club).isPresent());
        Instant end = Instant.now().minus(1, ChronoUnit.HOURS);
        String id = "act-" + UUID.randomUUID();
        activities.add(Decision.quietly(new Activity(id, "Exchange conference", "conference", null, end.minus(2, ChronoUnit.HOURS), end,
                "Hall " + id, "public", 30, null, List.of(club), null, "sports", Activity.APPROVED, List.of(club), List.of(),
                null, Persona.LEADER.subject(), end.minus(30, ChronoUnit.DAYS), Persona.ORGANIZATION_MEMBER.subject(), null)));
        return id;
    }

    @Test
    void theReportCarriesTheAttendanceFromCheckInsAndAMissingReportIsAnnouncedOverdueOnce() {
        String done = endedActivity(activities, directory);
        String base = "/api/activities/" + done;
        HttpProbe leader = Persona.LEADER.on(app());
        assertThat(leader.postJson(base + "/check-ins/walk-in", "{\"studentNumber\":\"2094000001\"}").status()).isEqualTo(201);
        assertThat(leader.postJson(base + "/check-ins/walk-in", "{\"studentNumber\":\"2094000002\"}").status()).isEqualTo(201);
        String report = "{\"summary\":\"Twelve clubs met; 两小时交流\",\"links\":[\"https://photos.example.edu/a\"],\"feedback\":\"more time\"}";
        assertThat(Persona.MEMBER.on(app()).send(new org.federation.platform.testing.HttpCall("PUT", base + "/report",
                "application/json", report)).status()).isEqualTo(403);
        HttpProbe.Response submitted = leader.send(new org.federation.platform.testing.HttpCall("PUT", base + "/report",
                "application/json", report));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("attendance").asLong()).isEqualTo(2);
        assertThat(Persona.MEMBER.on(app()).get(base + "/report").json().get("summary").asString()).contains("两小时");

        String missing = endedActivity(activities, directory);
        reports.sweepOverdue(Instant.now().plus(15, ChronoUnit.DAYS));
        reports.sweepOverdue(Instant.now().plus(16, ChronoUnit.DAYS));
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "activity.events")) {
            TopicProbe.Seen reported = probe.await(s -> done.equals(s.key())
                    && ActivityEventTypes.REPORT_SUBMITTED.equals(s.type()), Duration.ofSeconds(20)).get(0);
            assertThat(reported.payload()).contains("\"attendance\":2");
            assertThat(reported.headers()).as("the leader who submitted it").containsEntry("ce_actor", Persona.LEADER.subject());
            assertThat(probe.await(s -> missing.equals(s.key()) && ActivityEventTypes.REPORT_OVERDUE.equals(s.type()),
                    Duration.ofSeconds(20)).get(0).headers()).as("the sweep's").containsEntry("ce_actor", "system");
            probe.drain(Duration.ofSeconds(2));
            assertThat(probe.countFor(missing)).as("announced once").isEqualTo(1);
            assertThat(probe.countFor(done)).as("a submitted report is not overdue").isEqualTo(1);
        }
    }

    @Test
    void theReportShowsFinancesSpendingBesideTheOrganisersRemarksTheNewestFigureWinning() {
        String done = endedActivity(activities, directory);
        String base = "/api/activities/" + done;
        HttpProbe leader = Persona.LEADER.on(app());
        String report = "{\"summary\":\"went well\",\"links\":[],\"spendingRemarks\":\"receipts with the treasurer\"}";
        HttpProbe.Response submitted = leader.send(new org.federation.platform.testing.HttpCall("PUT", base + "/report",
                "application/json", report));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().hasNonNull("spending")).as("finance has booked nothing yet").isFalse();
        assertThat(submitted.json().get("spendingRemarks").asString()).isEqualTo("receipts with the treasurer");

        org.federation.event.budget.FinanceEvents.spendingChanged(done, 3,
                org.federation.event.budget.FinanceEvents.budget(done, 50000, "approved", 40000, 12000, 2), 7000);
        org.federation.event.budget.FinanceEvents.spendingChanged(done, 2,
                org.federation.event.budget.FinanceEvents.budget(done, 50000, "approved", 40000, 5000, 1), 5000);
        org.federation.event.budget.FinanceEvents.spendingChanged(done, 3,
                org.federation.event.budget.FinanceEvents.budget(done, 50000, "approved", 40000, 12000, 2), 7000);
        var spending = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> Persona.MEMBER.on(app()).get(base + "/report").json(), r -> r.hasNonNull("spending")).get("spending");
        assertThat(spending.get("spentFen").asLong()).isEqualTo(12000);
        assertThat(spending.get("approvedFen").asLong()).isEqualTo(40000);
        assertThat(spending.get("remainingFen").asLong()).isEqualTo(28000);
        assertThat(spending.get("claimCount").asInt()).isEqualTo(2);
        // the older figure (sequence 2) and the redelivery arrived after, on the same key, and changed nothing
        org.federation.event.budget.FinanceEvents.spendingChanged(done, 4,
                org.federation.event.budget.FinanceEvents.budget(done, 50000, "approved", 40000, 15000, 3), 3000);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Persona.MEMBER.on(app()).get(base + "/report")
                .json().get("spending").get("spentFen").asLong() == 15000);

        String legacy = "{\"summary\":\"again\",\"links\":[],\"spending\":\"old field name\"}";
        assertThat(leader.send(new org.federation.platform.testing.HttpCall("PUT", base + "/report", "application/json",
                legacy)).json().get("spendingRemarks").asString()).isEqualTo("old field name");
        String tooLong = "{\"summary\":\"x\",\"links\":[],\"spendingRemarks\":\"" + "y".repeat(2001) + "\"}";
        assertThat(leader.send(new org.federation.platform.testing.HttpCall("PUT", base + "/report", "application/json",
                tooLong)).status()).isEqualTo(400);
    }
}
