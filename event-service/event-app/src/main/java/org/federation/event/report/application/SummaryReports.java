package org.federation.event.report.application;

import org.federation.platform.domain.BusinessClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.federation.event.EventResources;

import org.federation.event.activities.application.ActivityPlanning;
import org.federation.event.activities.domain.Activities;
import org.federation.event.activities.domain.Activity;
import org.federation.event.budget.domain.FinanceOutcomes;
import org.federation.event.checkin.domain.CheckIns;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.StateConflictException;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Summary reports after an activity: due a configurable time after its end; the organisers submit
 * what happened, links and feedback, the attendance is filled in from check-ins and the spending
 * from finance-service. A sweep marks
 * missing reports overdue on the activity itself (a version-checked write with its event), so with
 * several instances sweeping, an activity's report is announced overdue once.
 */
@Service
public class SummaryReports {

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
    }

    private static final Logger log = LoggerFactory.getLogger(SummaryReports.class);

    /**
     * A summary report ({@code _id} = the activity id). {@code spending} is finance-service's figure for
     * the activity (null until finance booked a budget for it), filled in whenever the report is read;
     * {@code spendingRemarks} are the organisers' own words about it.
     */
    public record Report(String id, String summary, List<String> links, FinanceOutcomes.Spending spending,
                         String spendingRemarks, String feedback, long attendance, Instant dueAt, boolean late,
                         String submittedBy, Instant submittedAt) {

        Report withSpending(FinanceOutcomes.Spending fromFinance) {
            return new Report(id, summary, links, fromFinance, spendingRemarks, feedback, attendance, dueAt, late,
                    submittedBy, submittedAt);
        }
    }

    private final StoredReports reports;
    private final CheckIns checkIns;
    private final Activities activities;
    private final ActivityPlanning planning;
    private final BusinessClock clock;
    private final Duration dueAfter;
    private final FinanceOutcomes finance;

    SummaryReports(StoredReports reports, CheckIns checkIns, Activities activities, ActivityPlanning planning, BusinessClock clock,
                   @Value("${federation.activities.report-due-after:P14D}") Duration dueAfter, FinanceOutcomes finance) {
        this.finance = finance;
        this.reports = reports;
        this.checkIns = checkIns;
        this.activities = activities;
        this.planning = planning;
        this.clock = clock;
        this.dueAfter = dueAfter;
    }

    public Report submit(String activityId, String summary, List<String> links, String spendingRemarks, String feedback,
                         Caller caller) {
        Activity activity = planning.get(activityId);
        if (!planning.ledByCaller(activity, caller) && !caller.actsFor("organization")
                && !(activity.organisingDepartment() != null && caller.actsFor(activity.organisingDepartment()))) {
            throw new ForbiddenException("a summary report is submitted by the activity's organisers");
        }
        Instant now = clock.instant();
        if (!activity.isPublished() || now.isBefore(activity.end())) {
            throw new StateConflictException("activity " + activityId + " is " + activity.state()
                    + (activity.isPublished() ? " and has not ended" : "") + "; a report follows an approved activity's end");
        }
        long attendance = checkIns.count(activityId);
        Instant dueAt = activity.end().plus(dueAfter);
        Report report = new Report(activityId, summary, links, null, spendingRemarks, feedback, attendance, dueAt,
                now.isAfter(dueAt), caller.subject(), now);
        // the report and a mark that its announcement is still to come, in one write: if this
        // instance dies before the activity records it, the sweep announces it (once: the activity
        // refuses a second submission quietly) and never calls it overdue
        reports.storeUnannounced(report);
        announce(report);
        return report.withSpending(finance.spending(activityId).orElse(null));
    }

    /** Records the submission on the activity (with its {@code report-submitted} event), then drops the mark. */
    private void announce(Report report) {
        activities.change(report.id(), a -> a.reportSubmitted(report.summary(), report.links(), report.attendance(),
                report.late(), report.submittedBy()));
        reports.announced(report.id());
    }

    /**
     * Finishes the submissions an instance stored but did not get to record on the activity;
     * returns how many. Safe with several instances: the activity's version-checked change
     * announces a report once.
     */
    public int announceInterrupted() {
        int announced = 0;
        for (Report report : reports.unannounced()) {
            log.warn("Summary report of activity {} was stored but not announced (an instance stopped half-way); "
                    + "announcing it now", report.id());
            announce(report);
            announced++;
        }
        return announced;
    }

    public Report get(String activityId, Caller caller) {
        Activity activity = planning.get(activityId);
        Remit.requireReadsClubs(caller, EventResources.ACTIVITY_REPORTS, planning.inOrganisingClub(activity, caller),
                planning.liaisonOfficers(activity), "activity " + activityId + "'s report");
        Report report = reports.find(activityId).orElse(null);
        if (report == null) {
            throw new ResourceNotFoundException("summary report of activity", activityId);
        }
        return report.withSpending(finance.spending(activityId).orElse(null));
    }

    /** On the timer, and at once when business time was moved (the local platform). */
    @Scheduled(fixedDelayString = "${federation.activities.report-sweep:PT1M}",
            initialDelayString = "${federation.activities.report-sweep:PT1M}")
    @EventListener(BusinessClock.Moved.class)
    void sweep() {
        sweepOverdue(clock.instant());
    }

    /** Marks every approved activity whose report is due before {@code now} and missing as overdue; returns how many. */
    public int sweepOverdue(Instant now) {
        announceInterrupted(); // a submitted report is never overdue, even if its announcement was interrupted
        List<Activity> due = activities.approvedWithoutReportEndedBefore(now.minus(dueAfter));
        int marked = 0;
        for (Activity activity : due) {
            Activity after = activities.change(activity.id(), a -> a.reportOverdue(dueAfter)).state();
            if (Activity.REPORT_OVERDUE.equals(after.reportState())) {
                marked++;
            }
        }
        if (marked > 0) {
            log.info("{} summary reports overdue", marked);
        }
        return marked;
    }
}
