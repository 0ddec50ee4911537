package org.federation.event.report.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.activities.application.ActivityPlanning;
import org.federation.event.activities.domain.Activities;
import org.federation.event.activities.domain.Activity;
import org.federation.event.budget.domain.FinanceOutcomes;
import org.federation.event.checkin.domain.CheckIns;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.report.SummaryReportTest;
import org.federation.platform.security.Caller;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An instance that dies between storing a summary report and recording it on the activity. */
@EventServiceTest
class InterruptedReportTest extends EmbeddedBackboneProperties {

    @Autowired
    Activities activities;
    @Autowired
    ActivityPlanning planning;
    @Autowired
    FinanceOutcomes finance;
    @Autowired
    ClubDirectory directory;
    @Autowired
    SummaryReports reports;
    @Autowired
    StoredReports stored;
    @Autowired
    CheckIns checkIns;

    @Test
    void aReportStoredByAnInstanceThatDiedIsAnnouncedOnceAndNeverMarkedOverdue() {
        String id = SummaryReportTest.endedActivity(activities, directory);
        Activities dying = (Activities) Proxy.newProxyInstance(Activities.class.getClassLoader(),
                new Class<?>[] {Activities.class}, (proxy, method, args) -> {
                    if (method.getName().equals("change")) {
                        throw new IllegalStateException("instance stopped between the report and the activity");
                    }
                    try {
                        return method.invoke(activities, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        SummaryReports crashing = new SummaryReports(stored, checkIns, dying, planning, new org.federation.platform.domain.BusinessClock(Clock.systemUTC()), Duration.ofDays(14), finance);
        Caller leader = Caller.of(Persona.LEADER.subject(), "李雷", "leader@example.edu", List.of("STUDENT"));
        assertThatThrownBy(() -> crashing.submit(id, "we met", List.of(), null, null, leader))
                .isInstanceOf(IllegalStateException.class);

        // past the due date, on two instances
        reports.sweepOverdue(Instant.now().plus(15, ChronoUnit.DAYS));
        reports.sweepOverdue(Instant.now().plus(16, ChronoUnit.DAYS));

        assertThat(activities.find(id).orElseThrow().reportState()).isEqualTo(Activity.REPORT_SUBMITTED);
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "activity.events")) {
            TopicProbe.Seen reported = probe.await(s -> id.equals(s.key())
                    && ActivityEventTypes.REPORT_SUBMITTED.equals(s.type()), Duration.ofSeconds(20)).get(0);
            assertThat(reported.headers()).containsEntry("ce_actor", Persona.LEADER.subject());
            probe.drain(Duration.ofSeconds(2));
            assertThat(probe.countFor(id)).as("report-submitted once, no report-overdue").isEqualTo(1);
        }
    }
}
