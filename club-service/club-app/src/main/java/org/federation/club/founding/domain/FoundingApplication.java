package org.federation.club.founding.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.federation.platform.domain.FederationCalendar;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubProfileUpdated;
import org.federation.club.contracts.FoundingAnnouncement;
import org.federation.club.contracts.FoundingApplicationChanged;
import org.federation.club.contracts.HearingBallotCast;
import org.federation.club.contracts.FoundingApplicationSummary;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubProfile;
import org.federation.club.registry.domain.Leader;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.RuleViolationException;

/**
 * An application to found a club, from submission to the club's establishment (or its end). Every
 * operation checks the state machine ({@link FoundingState}), appends a {@link FoundingStep} to the
 * history and returns the new application with the events it produces; persistence and publishing
 * are someone else's job.
 *
 * <p>Events are keyed by the application id and carry {@link FoundingApplicationSummary} in
 * {@code application}, never a {@code club}, so club directories ignore them.
 *
 * @param clubId       the club founded from it, once established
 * @param reasons      why it was last returned or rejected (empty otherwise)
 * @param reapplyAfter for a rejection: the first day the name may be applied for again
 */
public record FoundingApplication(String id, Proposal proposal, FoundingState state, List<Review> reviews,
                                  List<Hearing> hearings, String clubId, List<String> reasons, LocalDate reapplyAfter,
                                  List<FoundingStep> history, Instant submittedAt, String submittedBy) {

    public FoundingApplication {
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
        hearings = hearings == null ? List.of() : List.copyOf(hearings);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        history = history == null ? List.of() : List.copyOf(history);
    }

    // ---- initiators ----

    /**
     * Initiators submit an application; the submitter must be one of them. Produces
     * {@code founding-submitted}. Whether the name is free is the caller's check (it needs the stores).
     */
    public static Decision<FoundingApplication> submit(String id, Proposal proposal, String actor, Instant now, FoundingRules rules) {
        Proposal checked = proposal.checked(actor, rules.minInitiators());
        FoundingApplication submitted = new FoundingApplication(id, checked, FoundingState.SUBMITTED, List.of(),
                List.of(), null, List.of(), null,
                List.of(new FoundingStep(FoundingAction.SUBMIT.value(), null, FoundingState.SUBMITTED.value(), actor, now,
                        "submitted with " + checked.initiators().size() + " initiators")),
                now, actor);
        return submitted.changed(actor, ClubEventTypes.FOUNDING_SUBMITTED, List.of(), null);
    }

    /** The initiators correct a returned application and submit it again. Produces {@code founding-submitted}. */
    public Decision<FoundingApplication> resubmit(Proposal corrected, String actor, Instant now, FoundingRules rules) {
        require(FoundingAction.RESUBMIT, "resubmitting");
        Proposal checked = corrected.checked(actor, rules.minInitiators());
        FoundingApplication resubmitted = new FoundingApplication(id, checked, state, reviews, hearings, clubId,
                List.of(), null, history, submittedAt, submittedBy)
                .record(FoundingAction.RESUBMIT, FoundingState.SUBMITTED, actor, now,
                        "corrected after review and submitted again");
        return resubmitted.changed(actor, ClubEventTypes.FOUNDING_SUBMITTED, List.of(), null);
    }

    /** The initiators withdraw the open application. Produces {@code founding-withdrawn}. */
    public Decision<FoundingApplication> withdraw(String reason, String actor, Instant now) {
        require(FoundingAction.WITHDRAW, "withdrawing");
        String why = reason == null || reason.isBlank() ? "withdrawn by the initiators" : reason.strip();
        FoundingApplication open = currentHearing().filter(Hearing::isOpen)
                .map(h -> withCurrentHearing(h.closed(FoundingState.WITHDRAWN.value(), actor, now))).orElse(this);
        FoundingApplication withdrawn = open.withReasons(List.of(why), null)
                .record(FoundingAction.WITHDRAW, FoundingState.WITHDRAWN, actor, now, why);
        return withdrawn.changed(actor, ClubEventTypes.FOUNDING_WITHDRAWN, withdrawn.reasons(), null);
    }

    // ---- qualification review ----

    /**
     * The Organization Department reviews the application against the checklist: every criterion
     * answered, nothing else. A failed mandatory criterion returns it to the initiators with the
     * reasons ({@code founding-returned}); otherwise it is qualified ({@code founding-qualified}).
     * The review is kept either way.
     */
    public Decision<FoundingApplication> review(List<CriterionAnswer> answers, Checklist checklist, String actor, Instant now) {
        require(FoundingAction.REVIEW, "reviewing");
        List<CriterionResult> results = checklist.assess(answers);
        List<String> failedMandatory = results.stream().filter(r -> r.mandatory() && !r.passed())
                .map(r -> r.criterion() + ": " + r.note()).toList();
        FoundingState outcome = failedMandatory.isEmpty() ? FoundingState.QUALIFIED : FoundingState.RETURNED;
        List<Review> all = new ArrayList<>(reviews);
        all.add(new Review(actor, now, results, outcome.value(), failedMandatory));
        long passed = results.stream().filter(CriterionResult::passed).count();
        FoundingApplication reviewed = new FoundingApplication(id, proposal, state, all, hearings, clubId,
                failedMandatory, null, history, submittedAt, submittedBy)
                .record(FoundingAction.REVIEW, outcome, actor, now, passed + " of " + results.size()
                        + " criteria passed" + (failedMandatory.isEmpty() ? "" : "; failed: " + String.join("; ", failedMandatory)));
        return reviewed.changed(actor, outcome == FoundingState.QUALIFIED ? ClubEventTypes.FOUNDING_QUALIFIED
                : ClubEventTypes.FOUNDING_RETURNED, failedMandatory, null);
    }

    // ---- founding defense hearing ----

    /**
     * The Organization Department schedules the hearing of a qualified application (or a new one
     * after an inconclusive hearing): in the future, with a panel of at least
     * {@link FoundingRules#minPanel()} distinct members, none of them an initiator. Produces
     * {@code hearing-scheduled}.
     */
    public Decision<FoundingApplication> scheduleHearing(Instant at, String place, List<PanelMember> panel, String actor, Instant now,
                                  FoundingRules rules) {
        require(FoundingAction.SCHEDULE_HEARING, "scheduling a hearing");
        if (!at.isAfter(now)) {
            throw new RuleViolationException("scheduledAt", "a hearing is scheduled in the future; " + at
                    + " is not after " + now);
        }
        List<PanelMember> members = panel.stream().map(m -> new PanelMember(m.number().strip(), m.name().strip())).toList();
        Set<String> seen = new HashSet<>();
        for (PanelMember member : members) {
            if (!seen.add(member.number())) {
                throw new RuleViolationException("panel", "panel member " + member.number() + " is listed more than once");
            }
            if (isInitiator(member.number())) {
                throw new RuleViolationException("panel", "initiator " + member.number()
                        + " cannot sit on the panel that hears their own application");
            }
        }
        if (members.size() < rules.minPanel()) {
            throw new RuleViolationException("panel", "a hearing's panel has at least " + rules.minPanel()
                    + " members; this one has " + members.size());
        }
        List<Hearing> all = new ArrayList<>(hearings);
        all.add(new Hearing(at, place.strip(), members, actor, now, List.of(), null, null, null));
        FoundingApplication scheduled = new FoundingApplication(id, proposal, state, reviews, all, clubId, List.of(),
                null, history, submittedAt, submittedBy)
                .record(FoundingAction.SCHEDULE_HEARING, FoundingState.HEARING_SCHEDULED, actor, now,
                        "hearing at " + at + " in " + place.strip() + ", panel of " + members.size());
        return scheduled.changed(actor, ClubEventTypes.HEARING_SCHEDULED, List.of(), null);
    }

    /**
     * A panel member casts their one ballot, once the hearing has begun and until it closes. A
     * ballot to reject says why (its comment is a reason given to the initiators). When the last
     * panel member has voted, the decision follows at once (see {@link Tally}).
     *
     * @throws ForbiddenException if the voter is not on the hearing's panel
     */
    public Decision<FoundingApplication> castBallot(String voter, BallotChoice choice, String comment, Instant now, FoundingRules rules) {
        Hearing hearing = currentHearing().orElseThrow(() -> new IllegalTransitionException(
                "casting a ballot (no hearing has been scheduled for application " + id + ")", state.value(),
                allowedActions()));
        if (hearing.member(voter).isEmpty()) {
            throw new ForbiddenException("only the panel of application " + id + "'s hearing votes on it; "
                    + voter + " is not on it");
        }
        require(FoundingAction.CAST_BALLOT, "casting a ballot");
        Optional<Ballot> earlier = hearing.ballotOf(voter);
        if (earlier.isPresent()) {
            throw new IllegalTransitionException("casting a second ballot (" + voter + " voted '"
                    + earlier.get().choice().value() + "' at " + earlier.get().at() + ")", state.value(),
                    allowedActions().stream().filter(a -> !a.equals(FoundingAction.CAST_BALLOT.value())).toList());
        }
        if (now.isBefore(hearing.scheduledAt())) {
            throw new IllegalTransitionException("casting a ballot before the hearing begins at "
                    + hearing.scheduledAt(), state.value(), allowedActions(now));
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (choice == BallotChoice.REJECT && note == null) {
            throw new RuleViolationException("comment", "a ballot to reject says why: the reasons are given to the "
                    + "initiators");
        }
        Hearing voted = hearing.with(new Ballot(voter, choice, note, now));
        FoundingApplication withBallot = withCurrentHearing(voted)
                .record(FoundingAction.CAST_BALLOT, state, voter, now, choice.value());
        // each ballot is a fact of its own (replayable, for the Organization Department), before any decision it completes
        Decision<FoundingApplication> cast = Decision.of(withBallot, new DomainEvent(ClubEventTypes.HEARING_BALLOT_CAST,
                voter, new HearingBallotCast(withBallot.summary(), voter, choice.value(), note, now,
                        voted.ballots().size(), voted.panel().size())));
        if (voted.everyoneVoted()) {
            return cast.then(withBallot.decide(FoundingAction.DECIDE, voter, now, rules, "every panel member has voted"));
        }
        return cast;
    }

    /**
     * The Organization Department closes the hearing after its time: the decision is computed from
     * the ballots cast. Without a quorum the hearing is inconclusive ({@code hearing-inconclusive})
     * and a new one may be scheduled.
     */
    public Decision<FoundingApplication> closeHearing(String actor, Instant now, FoundingRules rules) {
        require(FoundingAction.CLOSE_HEARING, "closing the hearing");
        Hearing hearing = currentHearing().orElseThrow();
        if (now.isBefore(hearing.scheduledAt())) {
            throw new IllegalTransitionException("closing the hearing before it begins at " + hearing.scheduledAt(),
                    state.value(), allowedActions(now));
        }
        return decide(FoundingAction.CLOSE_HEARING, actor, now, rules, "hearing closed");
    }

    private Decision<FoundingApplication> decide(FoundingAction action, String actor, Instant now, FoundingRules rules, String why) {
        Hearing hearing = currentHearing().orElseThrow();
        Tally tally = hearing.tally(rules);
        String count = why + "; " + tally.describe();
        if (!tally.quorate()) {
            List<String> noQuorum = List.of("no quorum: " + tally.describe());
            FoundingApplication inconclusive = withCurrentHearing(hearing.closed(FoundingState.INCONCLUSIVE.value(), actor, now))
                    .withReasons(noQuorum, null)
                    .record(action, FoundingState.INCONCLUSIVE, actor, now, count);
            return inconclusive.changed(actor, ClubEventTypes.HEARING_INCONCLUSIVE, noQuorum, null);
        }
        if (Tally.APPROVED.equals(tally.decision())) {
            FoundingApplication approved = withCurrentHearing(hearing.closed(FoundingState.APPROVED.value(), actor, now))
                    .withReasons(List.of(), null)
                    .record(action, FoundingState.APPROVED, actor, now, count);
            return Decision.quietly(approved); // announced once the club is established
        }
        List<String> rejectReasons = hearing.ballots().stream()
                .filter(b -> b.choice() == BallotChoice.REJECT && b.comment() != null).map(Ballot::comment).toList();
        if (rejectReasons.isEmpty()) {
            rejectReasons = List.of("no majority to approve: " + tally.describe());
        }
        LocalDate reapply = today(now).plus(rules.reapplyCoolOff());
        FoundingApplication rejected = withCurrentHearing(hearing.closed(FoundingState.REJECTED.value(), actor, now))
                .withReasons(rejectReasons, reapply)
                .record(action, FoundingState.REJECTED, actor, now, count + "; the name may be applied for again from "
                        + reapply);
        return rejected.changed(actor, ClubEventTypes.FOUNDING_REJECTED, rejectReasons, reapply);
    }

    // ---- establishment ----

    /**
     * The id of the club this application founds: derived from the application's id, so a retry
     * cannot create a second club (a duplicate id means it is already done).
     */
    public String clubIdToFound() {
        return UUID.nameUUIDFromBytes(("club founded by application " + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The club the approved application founds: today, under {@link #clubIdToFound()}, its first
     * leaders the initiators proposed for a role other than member (president first), the other
     * initiators its members, its profile with the purpose and faculty advisor.
     */
    public Decision<Club> foundClub(String actor, Instant now, Period term) {
        require(FoundingAction.ESTABLISH, "establishing the club");
        List<Leader> leaders = proposedLeaders();
        List<String> members = proposal.initiators().stream().filter(i -> !i.leads()).map(Initiator::studentNumber).toList();
        ClubProfile profile = new ClubProfile(proposal.name(), proposal.category(), today(now), proposal.contact(), null,
                proposal.purpose(), proposal.facultyAdvisor());
        return Club.found(clubIdToFound(), profile, leaders, members, actor, now, term, id);
    }

    /**
     * What the initiators gave the federation in this application, as facts of the founded club's shared profile:
     * set by the initiators (their student numbers, the submitter first) from this application, as of {@code at}
     * (when the club was founded), so no department asks the club for them again.
     */
    public List<ClubProfileUpdated.Fact> profileFacts(Instant at) {
        List<String> by = new ArrayList<>();
        if (submittedBy != null) {
            by.add(submittedBy);
        }
        proposal.initiators().stream().map(Initiator::studentNumber).filter(n -> !by.contains(n)).forEach(by::add);
        String setBy = String.join(", ", by);
        String source = "founding application " + id;
        List<ClubProfileUpdated.Fact> facts = new ArrayList<>();
        java.util.function.BiConsumer<String, String> put = (field, value) -> {
            if (value != null && !value.isBlank()) {
                facts.add(new ClubProfileUpdated.Fact(field, value, setBy, at, source));
            }
        };
        put.accept("category", proposal.category().value());
        put.accept("contact", proposal.contact());
        put.accept("purpose", proposal.purpose());
        put.accept("facultyAdvisor", proposal.facultyAdvisor());
        put.accept("constitution", proposal.constitution());
        put.accept("plannedActivities", String.join("; ", proposal.plannedActivities()));
        return facts;
    }

    /**
     * The club exists: the application ends as established and the new club is announced
     * ({@code founding-announced}). A repeat changes nothing.
     */
    public Decision<FoundingApplication> markEstablished(String newClubId, String actor, Instant now, FoundingRules rules) {
        if (state == FoundingState.ESTABLISHED && newClubId.equals(clubId)) {
            return Decision.quietly(this);
        }
        require(FoundingAction.ESTABLISH, "establishing the club");
        FoundingApplication established = new FoundingApplication(id, proposal, state, reviews, hearings, newClubId,
                List.of(), null, history, submittedAt, submittedBy)
                .record(FoundingAction.ESTABLISH, FoundingState.ESTABLISHED, actor, now, "club " + newClubId + " established");
        Hearing hearing = currentHearing().orElseThrow();
        Tally tally = hearing.tally(rules);
        List<Leader> leaders = proposedLeaders();
        FoundingAnnouncement announcement = new FoundingAnnouncement(id, newClubId, proposal.name(),
                proposal.category().value(), proposal.purpose(), leaders.stream().map(Leader::toContract).toList(),
                today(hearing.scheduledAt()), tally.approvals(), tally.rejections(), tally.abstentions());
        return Decision.of(established, new DomainEvent(ClubEventTypes.FOUNDING_ANNOUNCED, actor, announcement));
    }

    // ---- reading ----

    public String name() {
        return proposal.name();
    }

    public boolean isInitiator(String studentNumber) {
        return proposal.initiators().stream().anyMatch(i -> i.studentNumber().equals(studentNumber));
    }

    /** Whether this person sits (or sat) on one of the application's hearing panels. */
    public boolean isOnAPanel(String number) {
        return hearings.stream().anyMatch(h -> h.member(number).isPresent());
    }

    /** The initiators proposed for a role other than member, president first: the club's first leaders. */
    public List<Leader> proposedLeaders() {
        return proposal.initiators().stream().filter(Initiator::leads)
                .sorted(Comparator.comparingInt(i -> Initiator.ROLES.indexOf(i.role()))).map(Initiator::toLeader).toList();
    }

    /** The latest hearing (open, or how the last one ended), if any was scheduled. */
    public Optional<Hearing> currentHearing() {
        return hearings.isEmpty() ? Optional.empty() : Optional.of(hearings.get(hearings.size() - 1));
    }

    /** What its state allows, whatever the time (see {@link #allowedActions(Instant)} for what may be done now). */
    public List<String> allowedActions() {
        return state.allowedActions().stream().map(FoundingAction::value).toList();
    }

    /**
     * What may be done to the application at {@code now}: before the scheduled hearing begins its
     * panel cannot vote and it cannot be closed (both are refused with 409), so neither is offered.
     */
    public List<String> allowedActions(Instant now) {
        boolean hearingAhead = currentHearing().filter(Hearing::isOpen).filter(h -> now.isBefore(h.scheduledAt()))
                .isPresent();
        if (!hearingAhead) {
            return allowedActions();
        }
        return allowedActions().stream().filter(a -> !a.equals(FoundingAction.CAST_BALLOT.value())
                && !a.equals(FoundingAction.CLOSE_HEARING.value())).toList();
    }

    /** What the federation may know of the application: the summary its events carry. */
    public FoundingApplicationSummary summary() {
        FoundingApplicationSummary.HearingSummary hearing = currentHearing()
                .map(h -> new FoundingApplicationSummary.HearingSummary(h.scheduledAt(), h.place(),
                        h.panel().stream().map(PanelMember::number).toList()))
                .orElse(null);
        return new FoundingApplicationSummary(id, proposal.name(), proposal.category().value(), state.value(),
                proposal.initiatorNumbers(), hearing);
    }

    private Decision<FoundingApplication> changed(String actor, String type, List<String> why, LocalDate reapply) {
        return Decision.of(this, new DomainEvent(type, actor, new FoundingApplicationChanged(summary(), why, reapply)));
    }

    private FoundingApplication withReasons(List<String> why, LocalDate reapply) {
        return new FoundingApplication(id, proposal, state, reviews, hearings, clubId, why, reapply, history,
                submittedAt, submittedBy);
    }

    private FoundingApplication withCurrentHearing(Hearing hearing) {
        List<Hearing> all = new ArrayList<>(hearings);
        all.set(all.size() - 1, hearing);
        return new FoundingApplication(id, proposal, state, reviews, all, clubId, reasons, reapplyAfter, history,
                submittedAt, submittedBy);
    }

    private FoundingApplication record(FoundingAction action, FoundingState to, String actor, Instant now, String note) {
        List<FoundingStep> steps = new ArrayList<>(history);
        steps.add(new FoundingStep(action.value(), state.value(), to.value(), actor, now, note));
        return new FoundingApplication(id, proposal, to, reviews, hearings, clubId, reasons, reapplyAfter, steps,
                submittedAt, submittedBy);
    }

    private void require(FoundingAction action, String what) {
        if (!state.allows(action)) {
            throw new IllegalTransitionException(what + " (founding application " + id + ")", state.value(),
                    allowedActions());
        }
    }

    private static LocalDate today(Instant now) {
        return FederationCalendar.dayOf(now);
    }
}
