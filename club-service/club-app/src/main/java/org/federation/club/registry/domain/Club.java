package org.federation.club.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.federation.club.contracts.ClubElectionRecorded;
import org.federation.club.contracts.ClubEstablished;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubHandoverOverdue;
import org.federation.club.contracts.ClubLeader;
import org.federation.club.contracts.ClubLeadershipChanged;
import org.federation.club.contracts.ClubMerged;
import org.federation.club.contracts.ClubRegistrationConfirmed;
import org.federation.club.contracts.LateRegistrationSubmitted;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.club.contracts.ClubMembershipChanged;
import org.federation.club.contracts.ClubStateChanged;
import org.federation.club.contracts.CredentialRevoked;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;

/**
 * A club on the platform and its lifecycle. Every operation checks the state machine
 * ({@link ClubState}), appends a {@link Transition} to the history and returns the new club with
 * the events it produces; persistence and publishing are someone else's job.
 */
public record Club(String id, ClubProfile profile, ClubState state, Leadership leadership,
                   List<String> memberStudentNumbers, Registrations registrations, Lineage lineage,
                   List<Transition> history, Instant enteredAt, String enteredBy, Memberships memberships) {

    public Club {
        memberStudentNumbers = List.copyOf(memberStudentNumbers);
        history = List.copyOf(history);
        memberships = memberships == null ? Memberships.founding(memberStudentNumbers, null) : memberships;
    }

    /**
     * Brings an existing club onto the platform: active, with its original founding date, its
     * current leader as president (a term starting today), its known members, and who brought it
     * in. Produces {@code established} with origin {@code imported}.
     */
    public static Decision<Club> importExisting(String id, ExistingClub existing, String actor, Instant now, Period term) {
        LocalDate today = today(now);
        if (existing.foundedOn().isAfter(today)) {
            throw new RuleViolationException("foundedOn",
                    "an existing club cannot have been founded in the future (" + existing.foundedOn() + ")");
        }
        String leader = existing.leaderStudentNumber().strip();
        ClubProfile profile = new ClubProfile(existing.name().strip(), existing.category(), existing.foundedOn(),
                existing.contact().strip(), null, null, null);
        List<String> members = existing.memberStudentNumbers().stream().map(String::strip).distinct()
                .filter(member -> !member.equals(leader)).toList();
        return establish(id, profile, List.of(new Leader(leader, existing.leaderName().strip(), Leader.PRESIDENT)),
                members, actor, now, term, ClubEstablished.IMPORTED, "brought onto the platform");
    }

    /**
     * Establishes a club approved at its founding defense hearing: founded today, its first leaders
     * and members from the initiators. Produces {@code established} with origin {@code founded}.
     */
    public static Decision<Club> found(String id, ClubProfile profile, List<Leader> leaders, List<String> members,
                               String actor, Instant now, Period term, String applicationId) {
        return establish(id, profile, leaders, members, actor, now, term, ClubEstablished.FOUNDED,
                "approved at the founding defense hearing of application " + applicationId);
    }

    /** Establishes the new club a merger forms; the merged clubs' members and history follow by {@link #absorb}. */
    public static Decision<Club> formForMerger(String id, ClubProfile profile, List<Leader> leaders, String actor, Instant now,
                                       Period term, String mergerId) {
        return establish(id, profile, leaders, List.of(), actor, now, term, ClubEstablished.MERGER,
                "formed by merger " + mergerId);
    }

    private static Decision<Club> establish(String id, ClubProfile profile, List<Leader> leaders, List<String> members,
                                    String actor, Instant now, Period term, String origin, String reason) {
        LocalDate today = today(now);
        Club club = new Club(id, profile, ClubState.ACTIVE, Leadership.first(leaders, today, today.plus(term)),
                members, Registrations.none(), Lineage.none(),
                List.of(new Transition(ClubAction.ESTABLISH.value(), null, ClubState.ACTIVE.value(), actor, now, reason)),
                now, actor, Memberships.founding(members, today));
        return new Decision<>(club, List.of(new DomainEvent(ClubEventTypes.ESTABLISHED, actor, new ClubEstablished(club.snapshot(), origin))));
    }

    // ---- annual registration ----

    /**
     * The club confirms its registration for a year, with the changes it makes to what the
     * federation knows. Before the deadline it counts at once; after it, it waits for the
     * Organization Department to accept it.
     */
    public Decision<Club> register(String academicYear, RegistrationChanges changes, boolean beforeDeadline, String actor,
                           Instant now) {
        registrations.forYear(academicYear).ifPresent(existing -> {
            throw new StateConflictException("club " + id + " already " + (existing.accepted() ? "registered" :
                    "submitted a late registration") + " for " + academicYear + " on " + existing.submittedAt());
        });
        boolean late = !beforeDeadline;
        require(late ? (state.allows(ClubAction.REGISTER) || state.allows(ClubAction.REGISTER_LATE)) :
                state.allows(ClubAction.REGISTER), "registering for " + academicYear);
        ClubProfile newProfile = changes.applyTo(profile);
        int memberCount = changes.memberCount() != null ? changes.memberCount() : memberStudentNumbers.size();
        AnnualRegistration registration = new AnnualRegistration(academicYear, now, actor, late, !late,
                changes.changedFields(profile, memberStudentNumbers.size()), memberCount);
        Club registered = new Club(id, newProfile, state, leadership, memberStudentNumbers,
                registrations.with(registration), lineage, history, enteredAt, enteredBy, memberships);
        if (late) {
            Club waiting = registered.record(ClubAction.REGISTER_LATE, state, actor, now,
                    "late registration for " + academicYear + ", awaiting the Organization Department");
            // for the Organization Department's work queue: it counts only once they accept it
            return Decision.of(waiting, new DomainEvent(ClubEventTypes.LATE_REGISTRATION_SUBMITTED, actor,
                    new LateRegistrationSubmitted(waiting.snapshot(), academicYear, registration.changedFields())));
        }
        Club done = registered.record(ClubAction.REGISTER, state, actor, now, "registered for " + academicYear);
        return new Decision<>(done, List.of(new DomainEvent(ClubEventTypes.REGISTRATION_CONFIRMED, actor, new ClubRegistrationConfirmed(done.snapshot(), academicYear, false, registration.changedFields()))));
    }

    /** The Organization Department accepts a late registration: the club is registered (and active) again. */
    public Decision<Club> acceptLateRegistration(String academicYear, String actor, Instant now) {
        AnnualRegistration submitted = registrations.forYear(academicYear)
                .orElseThrow(() -> new IllegalTransitionException("accepting a late registration for " + academicYear
                        + " (the club has not submitted one)", state.value(), allowedActions()));
        if (submitted.accepted()) {
            throw new IllegalTransitionException("accepting a late registration for " + academicYear
                    + " (it is already accepted)", state.value(), allowedActions());
        }
        AnnualRegistration pending = submitted;
        ClubState after = state == ClubState.UNREGISTERED ? ClubState.ACTIVE : state;
        Club accepted = new Club(id, profile, state, leadership, memberStudentNumbers,
                registrations.with(pending.accept()), lineage, history, enteredAt, enteredBy, memberships)
                .record(ClubAction.REGISTER_LATE, after, actor, now, "late registration for " + academicYear + " accepted");
        return new Decision<>(accepted, List.of(new DomainEvent(ClubEventTypes.REGISTRATION_CONFIRMED, actor, new ClubRegistrationConfirmed(accepted.snapshot(), academicYear, true, pending.changedFields()))));
    }

    /**
     * The registration deadline for a year passed without a registration that counts: the club
     * becomes unregistered. Returns no events if the club registered or is not due (suspended,
     * ending, or already marked for this year).
     */
    public Decision<Club> missRegistration(String academicYear, Instant now) {
        boolean registered = registrations.forYear(academicYear).map(AnnualRegistration::accepted).orElse(false);
        boolean due = state == ClubState.ACTIVE || state == ClubState.UNREGISTERED;
        if (registered || !due || registrations.missedYears().contains(academicYear)) {
            return Decision.quietly(this);
        }
        ClubState before = state;
        Club missed = new Club(id, profile, state, leadership, memberStudentNumbers,
                registrations.missed(academicYear), lineage, history, enteredAt, enteredBy, memberships)
                .record(ClubAction.MISS_REGISTRATION, ClubState.UNREGISTERED, DomainEvent.SYSTEM, now,
                        "no registration for " + academicYear + " by the deadline");
        return new Decision<>(missed, List.of(new DomainEvent(ClubEventTypes.REGISTRATION_MISSED, DomainEvent.SYSTEM, new ClubStateChanged(
                missed.snapshot(), before.value(), "no registration for " + academicYear + " by the deadline"))));
    }

    // ---- leadership handover ----

    /** The club records its leader election meeting; the elected take office once it is confirmed. */
    public Decision<Club> recordElection(ElectionMeeting meeting, Instant now) {
        require(state.allows(ClubAction.RECORD_ELECTION), "recording an election");
        meeting.check();
        if (meeting.heldOn().isAfter(today(now))) {
            throw new RuleViolationException("heldOn", "an election meeting cannot be recorded before it is held ("
                    + meeting.heldOn() + ")");
        }
        Club recorded = new Club(id, profile, state, leadership.withPendingElection(meeting), memberStudentNumbers,
                registrations, lineage, history, enteredAt, enteredBy, memberships)
                .record(ClubAction.RECORD_ELECTION, state, meeting.recordedBy(), now,
                        "election meeting held on " + meeting.heldOn() + ", " + meeting.membersPresent() + " present");
        return new Decision<>(recorded, List.of(new DomainEvent(ClubEventTypes.ELECTION_RECORDED, meeting.recordedBy(), new ClubElectionRecorded(
                recorded.snapshot(), meeting.heldOn(), meeting.membersPresent(), meeting.quorumReached(),
                meeting.elected().stream().map(Leader::toContract).toList()))));
    }

    /**
     * The Organization Department confirms the recorded election: the elected leaders take office
     * and a new term begins.
     */
    public Decision<Club> confirmHandover(String actor, Instant now, Period term) {
        ElectionMeeting meeting = leadership.pendingElection();
        if (meeting == null || !state.allows(ClubAction.CONFIRM_HANDOVER)) {
            throw new IllegalTransitionException("confirming a handover" + (meeting == null
                    ? " (no election meeting has been recorded)" : ""), state.value(), allowedActions());
        }
        if (!meeting.quorumReached()) {
            throw new RuleViolationException("quorumReached", "the election meeting of " + meeting.heldOn()
                    + " was not quorate; the club must hold a new one");
        }
        LocalDate today = today(now);
        List<ClubLeader> previous = leaders().stream().map(Leader::toContract).toList();
        Leadership next = leadership.handedOver(id, today, today.plus(term));
        List<String> members = new ArrayList<>(memberStudentNumbers);
        leadership.leaders().stream().map(Leader::studentNumber)
                .filter(n -> !members.contains(n) && next.leaders().stream().noneMatch(l -> l.studentNumber().equals(n)))
                .forEach(members::add);
        members.removeIf(n -> next.leaders().stream().anyMatch(l -> l.studentNumber().equals(n)));
        Memberships periods = memberships;
        for (String member : members) {
            if (!memberStudentNumbers.contains(member)) {
                periods = periods.joined(member, null, today);
            }
        }
        // the newly elected stay in the club (as leaders), so their membership periods stay open
        Club handedOver = new Club(id, profile, state, next, members, registrations, lineage, history, enteredAt, enteredBy, periods)
                .record(ClubAction.CONFIRM_HANDOVER, state, actor, now,
                        "election of " + meeting.heldOn() + " confirmed; term until " + next.termEndsOn());
        return new Decision<>(handedOver, List.of(new DomainEvent(ClubEventTypes.LEADERSHIP_CHANGED, actor, new ClubLeadershipChanged(
                handedOver.snapshot(), previous, meeting.heldOn(), next.termEndsOn()))));
    }

    /**
     * The term ended without a confirmed handover: flag it once per term. No events if the term
     * has not ended, it is already flagged, or the club is not live.
     */
    public Decision<Club> flagHandoverIfOverdue(Instant now) {
        LocalDate today = today(now);
        if (!state.allows(ClubAction.FLAG_HANDOVER_OVERDUE) || !leadership.termEndsOn().isBefore(today)
                || leadership.termEndsOn().equals(leadership.overdueSince())) {
            return Decision.quietly(this);
        }
        Club flagged = new Club(id, profile, state, leadership.overdue(), memberStudentNumbers, registrations, lineage,
                history, enteredAt, enteredBy, memberships).record(ClubAction.FLAG_HANDOVER_OVERDUE, state, DomainEvent.SYSTEM, now,
                "term ended on " + leadership.termEndsOn() + " without a confirmed handover");
        return new Decision<>(flagged, List.of(new DomainEvent(ClubEventTypes.HANDOVER_OVERDUE, DomainEvent.SYSTEM, new ClubHandoverOverdue(
                flagged.snapshot(), leadership.termEndsOn(), leadership.pendingElection() != null))));
    }

    // ---- suspension and dissolution ----

    /** The presidium suspends the club. */
    public Decision<Club> suspend(String reason, String actor, Instant now) {
        return move(ClubAction.SUSPEND, ClubState.SUSPENDED, ClubEventTypes.SUSPENDED, reason, actor, now, "suspending");
    }

    /** The presidium lifts the suspension: the club returns to the state it was suspended from. */
    public Decision<Club> reinstate(String reason, String actor, Instant now) {
        ClubState back = ClubState.ACTIVE;
        for (Transition step : history) {
            if (ClubAction.SUSPEND.value().equals(step.action())) {
                back = fromValue(step.from());
            }
        }
        return move(ClubAction.REINSTATE, back, ClubEventTypes.REINSTATED, reason, actor, now, "reinstating");
    }

    /** The club or the federation asks to dissolve it; finance-service settles the account next. */
    public Decision<Club> requestDissolution(String reason, String actor, Instant now) {
        return move(ClubAction.REQUEST_DISSOLUTION, ClubState.DISSOLVING, ClubEventTypes.DISSOLUTION_REQUESTED, reason,
                actor, now, "requesting dissolution");
    }

    /**
     * finance-service settled the account: the dissolution is complete. A repeat (the settlement
     * delivered twice) changes nothing.
     */
    public Decision<Club> completeDissolution(String settlement, Instant now) {
        if (state == ClubState.DISSOLVED) {
            return Decision.quietly(this);
        }
        return move(ClubAction.COMPLETE_DISSOLUTION, ClubState.DISSOLVED, ClubEventTypes.DISSOLVED, settlement,
                DomainEvent.SYSTEM, now, "completing dissolution");
    }

    /**
     * The dissolution saga's step "finance-service settles the account" has a deadline: if no
     * settlement came within {@code deadline} of the last request, the request is made again, the
     * same {@code dissolution-requested} event with the club's current snapshot (finance-service
     * settles an account once, so a repeat is harmless). No events before the deadline or once the
     * club is no longer dissolving.
     */
    public Decision<Club> requestSettlementAgainIfOverdue(Instant now, java.time.Duration deadline) {
        Instant last = lastSettlementRequest();
        if (state != ClubState.DISSOLVING || last == null || now.isBefore(last.plus(deadline))) {
            return Decision.quietly(this);
        }
        String reason = "no settlement from finance-service within " + deadline + " of the request at " + last
                + "; asked again";
        Club asked = record(ClubAction.REQUEST_SETTLEMENT_AGAIN, ClubState.DISSOLVING, DomainEvent.SYSTEM, now, reason);
        return new Decision<>(asked, List.of(new DomainEvent(ClubEventTypes.DISSOLUTION_REQUESTED, DomainEvent.SYSTEM,
                new ClubStateChanged(asked.snapshot(), state.value(), reason))));
    }

    /** When the dissolution was first requested, or null if the club is not dissolving. */
    public Instant dissolutionRequestedAt() {
        if (state != ClubState.DISSOLVING) {
            return null;
        }
        Instant first = null;
        for (Transition step : history) {
            if (ClubAction.REQUEST_DISSOLUTION.value().equals(step.action())) {
                first = step.at();
            }
        }
        return first;
    }

    /** How many times finance-service was asked to settle in the current dissolution (1 = the request itself). */
    public int settlementRequests() {
        int requests = 0;
        for (Transition step : history) {
            if (ClubAction.REQUEST_DISSOLUTION.value().equals(step.action())) {
                requests = 1;
            } else if (ClubAction.REQUEST_SETTLEMENT_AGAIN.value().equals(step.action())) {
                requests++;
            }
        }
        return state == ClubState.DISSOLVING ? requests : 0;
    }

    private Instant lastSettlementRequest() {
        Instant last = null;
        for (Transition step : history) {
            if (ClubAction.REQUEST_DISSOLUTION.value().equals(step.action())
                    || ClubAction.REQUEST_SETTLEMENT_AGAIN.value().equals(step.action())) {
                last = step.at();
            }
        }
        return last;
    }

    // ---- merger ----

    /** Checks that this club may take part in a merger (either side). */
    public void requireMergeable() {
        require(state.allows(ClubAction.MERGE), "merging club " + id);
    }

    /**
     * The successor's side: takes in the merged-away clubs' members and leaders' history, and
     * records them as its predecessors. A repeat of the same merger changes nothing.
     */
    public Decision<Club> absorb(List<Club> mergedAway, String mergerId, String actor, Instant now) {
        if (mergerId.equals(lineage.mergerId()) && lineage.predecessorIds().containsAll(
                mergedAway.stream().map(Club::id).toList())) {
            return Decision.quietly(this);
        }
        requireMergeable();
        LocalDate today = today(now);
        Set<String> members = new LinkedHashSet<>(memberStudentNumbers);
        Leadership merged = leadership;
        for (Club other : mergedAway) {
            members.addAll(other.memberStudentNumbers());
            other.leaders().forEach(l -> members.add(l.studentNumber()));
            merged = merged.withHistoryOf(other.id(), other.leadership(), today);
        }
        leaders().forEach(l -> members.remove(l.studentNumber()));
        List<String> ids = mergedAway.stream().map(Club::id).toList();
        Memberships joined = memberships;
        for (String member : members) {
            if (!memberStudentNumbers.contains(member)) {
                joined = joined.joined(member, null, today);
            }
        }
        Club successor = new Club(id, profile, state, merged, List.copyOf(members), registrations,
                lineage.absorbed(ids, mergerId), history, enteredAt, enteredBy, joined)
                .record(ClubAction.ABSORB, state, actor, now, "took in " + String.join(", ", ids) + " (merger " + mergerId + ")");
        return new Decision<>(successor, List.of(new DomainEvent(ClubEventTypes.MERGED, actor, new ClubMerged(successor.snapshot(), successor.snapshot(), ids, mergerId))));
    }

    /** The merged-away side: the club ends, pointing at its successor. */
    public Decision<Club> mergeInto(ClubSnapshot successor, List<String> mergedAwayIds, String mergerId, String actor, Instant now) {
        if (state == ClubState.MERGED && mergerId.equals(lineage.mergerId())) {
            return Decision.quietly(this);
        }
        requireMergeable();
        Club ended = new Club(id, profile, state, leadership, memberStudentNumbers, registrations,
                lineage.succeededBy(successor.id(), mergerId), history, enteredAt, enteredBy, memberships)
                .record(ClubAction.MERGE, ClubState.MERGED, actor, now, "merged into " + successor.id() + " (merger " + mergerId + ")");
        return new Decision<>(ended, List.of(new DomainEvent(ClubEventTypes.MERGED, actor, new ClubMerged(ended.snapshot(), successor, mergedAwayIds, mergerId))));
    }

    // ---- open recruitment ----

    /**
     * Appoints the person chosen in an open recruitment to a leader role: they take it from today
     * (a current holder of the role steps down to member, their tenure kept as a past term), and
     * the leadership history shows it. Appointing the same person again changes nothing.
     */
    public Decision<Club> appointLeader(Leader appointee, String positionId, String actor, Instant now) {
        if (leaders().contains(appointee)) {
            return Decision.quietly(this);
        }
        require(state.allows(ClubAction.CONFIRM_HANDOVER) || state == ClubState.ACTIVE, "appointing a leader");
        LocalDate today = today(now);
        List<ClubLeader> previous = leaders().stream().map(Leader::toContract).toList();
        List<Leader> stepping = leaders().stream().filter(l -> l.role().equals(appointee.role())
                || l.studentNumber().equals(appointee.studentNumber())).toList();
        List<Leader> next = new ArrayList<>(leaders().stream().filter(l -> !stepping.contains(l)).toList());
        next.add(appointee);
        List<String> members = new ArrayList<>(memberStudentNumbers);
        members.remove(appointee.studentNumber());
        Memberships periods = memberships.periods().stream().anyMatch(p -> p.studentNumber().equals(appointee.studentNumber())
                && p.leftAt() == null) ? memberships : memberships.joined(appointee.studentNumber(), appointee.name(), today);
        for (Leader l : stepping) {
            if (!l.studentNumber().equals(appointee.studentNumber()) && !members.contains(l.studentNumber())) {
                members.add(l.studentNumber());
            }
        }
        Leadership appointed = leadership.withAppointment(id, next, stepping, today);
        Club changed = new Club(id, profile, state, appointed, members, registrations, lineage, history, enteredAt,
                enteredBy, periods).record(ClubAction.APPOINT_LEADER, state, actor, now,
                appointee.studentNumber() + " appointed " + appointee.role() + " by open recruitment " + positionId);
        return new Decision<>(changed, List.of(new DomainEvent(ClubEventTypes.LEADERSHIP_CHANGED, actor, new ClubLeadershipChanged(
                changed.snapshot(), previous, today, appointed.termEndsOn()))));
    }

    // ---- profile ----

    /**
     * The club corrects facts its snapshot carries outside the annual registration (answering a
     * department's request). Unchanged values change nothing.
     */
    public Decision<Club> amendProfile(RegistrationChanges changes, String actor, Instant now, String reason) {
        ClubProfile amended = changes.applyTo(profile);
        if (amended.equals(profile)) {
            return Decision.quietly(this);
        }
        require(state.isLive(), "amending the profile");
        Club changed = new Club(id, amended, state, leadership, memberStudentNumbers, registrations, lineage, history,
                enteredAt, enteredBy, memberships).record(ClubAction.AMEND_PROFILE, state, actor, now, reason);
        return new Decision<>(changed, List.of(new DomainEvent(ClubEventTypes.PROFILE_AMENDED, actor, new ClubStateChanged(changed.snapshot(), state.value(), reason))));
    }

    // ---- liaison ----

    /**
     * The Organization Department assigns the club's liaison officer (null ends the assignment).
     * Assigning the same officer again changes nothing.
     */
    public Decision<Club> assignLiaison(String officer, String actor, Instant now) {
        if (java.util.Objects.equals(officer, profile.liaisonOfficer())) {
            return Decision.quietly(this);
        }
        require(state.isLive(), "assigning a liaison officer");
        String reason = officer == null ? "liaison officer " + profile.liaisonOfficer() + " unassigned"
                : "liaison officer " + officer + " assigned";
        Club assigned = new Club(id, profile.withLiaisonOfficer(officer), state, leadership, memberStudentNumbers,
                registrations, lineage, history, enteredAt, enteredBy, memberships)
                .record(ClubAction.ASSIGN_LIAISON, state, actor, now, reason);
        return new Decision<>(assigned, List.of(new DomainEvent(ClubEventTypes.LIAISON_ASSIGNED, actor, new ClubStateChanged(assigned.snapshot(), state.value(), reason))));
    }

    // ---- members ----

    /**
     * Admits a student whose membership application the club's leaders approved. Admitting a
     * member again changes nothing (a retried approval).
     */
    public Decision<Club> admit(String studentNumber, String name, String actor, Instant now) {
        if (memberStudentNumbers.contains(studentNumber) || isLedBy(studentNumber)) {
            return Decision.quietly(this);
        }
        require(state.allows(ClubAction.ADMIT_MEMBER), "admitting a member");
        List<String> members = new ArrayList<>(memberStudentNumbers);
        members.add(studentNumber);
        Club admitted = new Club(id, profile, state, leadership, members, registrations, lineage, history, enteredAt,
                enteredBy, memberships.joined(studentNumber, name, today(now)));
        return new Decision<>(admitted, List.of(new DomainEvent(ClubEventTypes.MEMBER_JOINED, actor, new ClubMembershipChanged(admitted.snapshot(), studentNumber, null))));
    }

    /**
     * A member leaves, or the leaders remove them: they are no longer a member, and every member
     * credential they hold for this club is revoked. A student who is not a member is a 409.
     */
    public Decision<Club> endMembership(String studentNumber, String how, String reason, String actor, Instant now) {
        if (!memberStudentNumbers.contains(studentNumber)) {
            throw new StateConflictException(studentNumber + " is not a member of club " + id);
        }
        List<String> members = new ArrayList<>(memberStudentNumbers);
        members.remove(studentNumber);
        String why = how + (reason == null || reason.isBlank() ? "" : ": " + reason);
        Club ended = new Club(id, profile, state, leadership, members, registrations, lineage, history, enteredAt,
                enteredBy, memberships.left(studentNumber, now, how, reason));
        return new Decision<>(ended, List.of(
                new DomainEvent(ClubEventTypes.MEMBER_LEFT, actor, new ClubMembershipChanged(ended.snapshot(), studentNumber, why)),
                new DomainEvent(ClubEventTypes.CREDENTIAL_REVOKED, actor, new CredentialRevoked(ended.snapshot(), studentNumber, now, why))));
    }

    /** Whether {@code studentNumber} belongs to the club now, as leader or member. */
    public boolean includes(String studentNumber) {
        return isLedBy(studentNumber) || memberStudentNumbers.contains(studentNumber);
    }

    // ---- reading ----

    public String name() {
        return profile.name();
    }

    public ClubCategory category() {
        return profile.category();
    }

    public LocalDate foundedOn() {
        return profile.foundedOn();
    }

    public String contact() {
        return profile.contact();
    }

    public List<Leader> leaders() {
        return leadership.leaders();
    }

    /** The newest academic year whose registration counts, or null. */
    public String registrationYear() {
        return registrations.lastConfirmedYear();
    }

    /** Whether {@code studentNumber} leads this club now. */
    public boolean isLedBy(String studentNumber) {
        return leaders().stream().anyMatch(l -> l.studentNumber().equals(studentNumber));
    }

    /** What may be done to the club now, given its state and what it has recorded. */
    public List<String> allowedActions() {
        return state.allowedActions().stream()
                .filter(a -> a != ClubAction.CONFIRM_HANDOVER || leadership.pendingElection() != null)
                .filter(a -> a != ClubAction.COMPLETE_DISSOLUTION && a != ClubAction.REQUEST_SETTLEMENT_AGAIN
                        && a != ClubAction.MISS_REGISTRATION
                        && a != ClubAction.FLAG_HANDOVER_OVERDUE)
                .map(ClubAction::value).toList();
    }

    /** The public snapshot every event about this club carries. */
    public ClubSnapshot snapshot() {
        return new ClubSnapshot(id, name(), category().value(), state.value(), foundedOn(), registrationYear(),
                leaders().stream().map(Leader::toContract).toList(), memberStudentNumbers, profile.liaisonOfficer(),
                lineage.successorId(), contact());
    }

    private Decision<Club> move(ClubAction action, ClubState to, String eventType, String reason, String actor, Instant now,
                        String what) {
        require(state.allows(action), what);
        Club moved = record(action, to, actor, now, reason);
        return new Decision<>(moved, List.of(new DomainEvent(eventType, actor, new ClubStateChanged(moved.snapshot(), state.value(), reason))));
    }

    private Club record(ClubAction action, ClubState to, String actor, Instant now, String reason) {
        List<Transition> steps = new ArrayList<>(history);
        steps.add(new Transition(action.value(), state.value(), to.value(), actor, now, reason));
        return new Club(id, profile, to, leadership, memberStudentNumbers, registrations, lineage, steps, enteredAt,
                enteredBy, memberships);
    }

    private void require(boolean allowed, String what) {
        if (!allowed) {
            throw new IllegalTransitionException(what + " (club " + id + ")", state.value(), allowedActions());
        }
    }

    private static ClubState fromValue(String value) {
        for (ClubState s : ClubState.values()) {
            if (s.value().equals(value)) {
                return s;
            }
        }
        return ClubState.ACTIVE;
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
