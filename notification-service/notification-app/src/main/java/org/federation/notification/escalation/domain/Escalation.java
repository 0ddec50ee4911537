package org.federation.notification.escalation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.federation.platform.domain.FederationCalendar;
import org.federation.notification.contracts.NoticeEscalated;
import org.federation.notification.contracts.NotificationEventTypes;
import org.federation.notification.directory.domain.Names;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;

/**
 * The escalation of one group of a direct notice that asks for acknowledgement: a club (any of its
 * recipients acknowledging is enough) or a single recipient outside any club (a liaison officer).
 * Unacknowledged {@code timing.toLiaison} after the deadline, it goes to the club's liaison officer;
 * still unacknowledged {@code timing.toHead} after the deadline, to the sending department's head. A
 * group without a liaison officer (or that is not a club) goes to the head when the liaison officer
 * would have been told.
 *
 * @param id             {@code <directNoticeId>:<group>}
 * @param group          {@code club:<id>} or {@code person:<number>}
 * @param clubId         the club, or null
 * @param recipients     who received the notice in this group
 * @param dueAt          when the next step is due; null once nothing more is due
 * @param status         {@code waiting}, {@code escalated-to-liaison}, {@code escalated-to-head}, {@code acknowledged}
 * @param steps          the steps taken so far
 * @param timing         when it escalates, relative to the deadline; null for an escalation opened before
 *                       timings were chosen per notice (the configured defaults apply)
 */
public record Escalation(String id, String directNoticeId, String department, String title, String group, String clubId,
                         List<String> recipients, Instant acknowledgeBy, Instant dueAt, String status,
                         List<Step> steps, Instant acknowledgedAt, EscalationTiming timing) {

    public static final String WAITING = "waiting";
    public static final String ESCALATED_TO_LIAISON = "escalated-to-liaison";
    public static final String ESCALATED_TO_HEAD = "escalated-to-head";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String LIAISON_STEP = "liaison-officer";
    public static final String HEAD_STEP = "department-head";

    /** One step taken: to whom and when. */
    public record Step(String step, List<String> to, Instant at) {
    }

    public static String idOf(String directNoticeId, String group) {
        return directNoticeId + ":" + group;
    }

    /**
     * A new escalation, waiting until its first step is due ({@code timing.toLiaison} after the deadline).
     * Opened quietly: only a step taken is news to others.
     */
    public static Decision<Escalation> open(String directNoticeId, String department, String title, String group,
                                            String clubId, List<String> recipients, Instant acknowledgeBy,
                                            EscalationTiming timing) {
        return Decision.quietly(new Escalation(idOf(directNoticeId, group), directNoticeId, department, title, group,
                clubId, List.copyOf(recipients), acknowledgeBy, acknowledgeBy.plus(timing.toLiaison()), WAITING,
                List.of(), null, timing));
    }

    /** Whether a step is due at {@code now}. */
    public boolean isDue(Instant now) {
        return (WAITING.equals(status) || ESCALATED_TO_LIAISON.equals(status)) && dueAt != null && !now.isBefore(dueAt);
    }

    /**
     * Takes the step due at {@code now} (the new state's {@link #lastStep()}), announced by
     * {@code notice-escalated}; the sweep takes it, so its actor is {@link DomainEvent#SYSTEM}.
     *
     * @param liaisonOfficer the club's liaison officer (a number), or null if it has none
     * @param heads          the sending department's heads (numbers); empty if none is known, in which
     *                       case the department's own inbox is told
     * @param defaults       the timing of an escalation opened without one of its own
     * @throws IllegalStateException if no step is due
     */
    public Decision<Escalation> escalate(Instant now, String liaisonOfficer, Set<String> heads, EscalationTiming defaults) {
        if (!isDue(now)) {
            throw new IllegalStateException("escalation " + id + " has no step due at " + now + " (" + status + ")");
        }
        boolean liaisonFirst = WAITING.equals(status) && clubId != null && liaisonOfficer != null;
        Step step;
        Escalation next;
        if (liaisonFirst) {
            step = new Step(LIAISON_STEP, List.of("person:" + liaisonOfficer), now);
            next = with(ESCALATED_TO_LIAISON, acknowledgeBy.plus((timing == null ? defaults : timing).toHead()), step);
        } else {
            List<String> to = heads.isEmpty() ? List.of("department:" + department)
                    : heads.stream().sorted().map(h -> "person:" + h).toList();
            step = new Step(HEAD_STEP, to, now);
            next = with(ESCALATED_TO_HEAD, null, step);
        }
        return Decision.of(next, new DomainEvent(NotificationEventTypes.NOTICE_ESCALATED, DomainEvent.SYSTEM,
                new NoticeEscalated(id, directNoticeId, department, group, step.step(), step.to(), acknowledgeBy, now)));
    }

    /** The step taken last, or null if none was taken yet. */
    public Step lastStep() {
        return steps == null || steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }

    /**
     * Someone in the group acknowledged: no further step (a repeat keeps the first time). Quiet: the
     * notice's own {@code notice-acknowledged} already tells others.
     */
    public Decision<Escalation> acknowledge(Instant at) {
        if (ACKNOWLEDGED.equals(status)) {
            return Decision.quietly(this);
        }
        return Decision.quietly(new Escalation(id, directNoticeId, department, title, group, clubId, recipients,
                acknowledgeBy, null, ACKNOWLEDGED, steps, at, timing));
    }

    private Escalation with(String newStatus, Instant newDueAt, Step step) {
        List<Step> allSteps = new ArrayList<>(steps == null ? List.of() : steps);
        allSteps.add(step);
        return new Escalation(id, directNoticeId, department, title, group, clubId, recipients, acknowledgeBy, newDueAt,
                newStatus, List.copyOf(allSteps), acknowledgedAt, timing);
    }

    /**
     * The notice a step sends to {@code to}: it names the club and the people who did not answer (by
     * name, never by id), and asks a liaison officer to pass it on or tells a head it is the last step.
     * Its id comes from the escalation, the step and the recipient, so a retried step posts nothing twice.
     */
    public Notice noticeOf(Step step, String to, Instant now, Names names) {
        List<String> people = recipients == null ? List.of()
                : recipients.stream().map(r -> r.startsWith("person:") ? r.substring("person:".length()) : r).toList();
        String who = clubId != null ? names.club(clubId) : names.people(people);
        String body = "The notice \"" + title + "\" from the " + department.replace('-', ' ')
                + " department was due to be acknowledged by " + FederationCalendar.wallClock(acknowledgeBy) + "; nobody of " + who
                + (clubId != null ? " (" + names.people(people) + ")" : "") + " has acknowledged it."
                + (LIAISON_STEP.equals(step.step()) ? " As the club's liaison officer, please pass it on."
                : " This is the last step of its escalation.");
        return new Notice(Notice.idFor(id + "|" + step.step(), to), to, "escalation",
                "Unacknowledged: " + title + " (" + who + ")", body, "direct-notice:" + directNoticeId, now);
    }
}
