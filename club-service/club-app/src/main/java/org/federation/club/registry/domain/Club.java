package org.federation.club.registry.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.federation.platform.domain.FederationCalendar;
import org.federation.club.contracts.ClubElectionRecorded;
import org.federation.club.contracts.ClubEstablished;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubHandoverOverdue;
import org.federation.club.contracts.ClubLeader;
import org.federation.club.contracts.ClubLeadershipChanged;
import org.federation.club.contracts.ClubMerged;
import org.federation.club.contracts.ClubMembershipChanged;
import org.federation.club.contracts.ClubRegistrationConfirmed;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.club.contracts.ClubStateChanged;
import org.federation.club.contracts.CredentialRevoked;
import org.federation.club.contracts.LateRegistrationSubmitted;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.RuleViolationException;

/**
 * A club on the platform and its lifecycle: one document, so each change and its events are one
 * atomic write. The club keeps the state machine ({@link ClubState}): every operation checks it,
 * appends a {@link Transition} to the history and returns the new club with the events it
 * produces. The rules of its parts sit with the parts: {@link Leadership} (terms, elections,
 * handovers, appointments), {@link Memberships} (who belongs when; the member list is derived from
 * it), {@link Registrations}, {@link Lineage} and {@link ClubProfile}. Persistence and publishing are
 * someone else's job.
 */
public record Club(String id, ClubProfile profile, ClubState state, Leadership leadership, Memberships memberships,
                   Registrations registrations, Lineage lineage, List<Transition> history, Instant enteredAt,
                   String enteredBy) {

    public Club {
        Objects.requireNonNull(memberships, "memberships");
        history = List.copyOf(history);
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
                Memberships.founding(members, today), Registrations.none(), Lineage.none(),
                List.of(new Transition(ClubAction.ESTABLISH.value(), null, ClubState.ACTIVE.value(), actor, now, reason)),
                now, actor);
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
        registrations.requireNotSubmitted(id, academicYear);
        boolean late = !beforeDeadline;
        require(late ? (state.allows(ClubAction.REGISTER) || state.allows(ClubAction.REGISTER_LATE)) :
                state.allows(ClubAction.REGISTER), "registering for " + academicYear);
        int members = memberStudentNumbers().size();
        AnnualRegistration registration = new AnnualRegistration(academicYear, now, actor, late, !late,
                changes.changedFields(profile, members), changes.memberCount() != null ? changes.memberCount() : members);
        Club registered = withProfile(changes.applyTo(profile)).withRegistrations(registrations.with(registration));
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
        AnnualRegistration pending = registrations.forYear(academicYear)
                .orElseThrow(() -> new IllegalTransitionException("accepting a late registration for " + academicYear
                        + " (the club has not submitted one)", state.value(), allowedActions()));
        if (pending.accepted()) {
            throw new IllegalTransitionException("accepting a late registration for " + academicYear
                    + " (it is already accepted)", state.value(), allowedActions());
        }
        ClubState after = state == ClubState.UNREGISTERED ? ClubState.ACTIVE : state;
        Club accepted = withRegistrations(registrations.with(pending.accept()))
                .record(ClubAction.REGISTER_LATE, after, actor, now, "late registration for " + academicYear + " accepted");
        return new Decision<>(accepted, List.of(new DomainEvent(ClubEventTypes.REGISTRATION_CONFIRMED, actor, new ClubRegistrationConfirmed(accepted.snapshot(), academicYear, true, pending.changedFields()))));
    }

    /**
     * The registration deadline for a year passed without a registration that counts: the club
     * becomes unregistered. Returns no events if the club registered or is not due (suspended,
     * ending, or already marked for this year).
     */
    public Decision<Club> missRegistration(String academicYear, Instant now) {
        boolean due = state == ClubState.ACTIVE || state == ClubState.UNREGISTERED;
        if (!due || registrations.countsFor(academicYear) || registrations.missedYears().contains(academicYear)) {
            return Decision.quietly(this);
        }
        String reason = "no registration for " + academicYear + " by the deadline";
        Club missed = withRegistrations(registrations.missed(academicYear))
                .record(ClubAction.MISS_REGISTRATION, ClubState.UNREGISTERED, DomainEvent.SYSTEM, now, reason);
        return new Decision<>(missed, List.of(new DomainEvent(ClubEventTypes.REGISTRATION_MISSED, DomainEvent.SYSTEM,
                new ClubStateChanged(missed.snapshot(), state.value(), reason))));
    }

    // ---- leadership handover ----

    /** The club records its leader election meeting; the elected take office once it is confirmed. */
    public Decision<Club> recordElection(ElectionMeeting meeting, Instant now) {
        require(state.allows(ClubAction.RECORD_ELECTION), "recording an election");
        Club recorded = withPeople(leadership.electionRecorded(meeting, today(now)), memberships)
                .record(ClubAction.RECORD_ELECTION, state, meeting.recordedBy(), now,
                        "election meeting held on " + meeting.heldOn() + ", " + meeting.membersPresent() + " present");
        return new Decision<>(recorded, List.of(new DomainEvent(ClubEventTypes.ELECTION_RECORDED, meeting.recordedBy(), new ClubElectionRecorded(
                recorded.snapshot(), meeting.heldOn(), meeting.membersPresent(), meeting.quorumReached(),
                meeting.elected().stream().map(Leader::toContract).toList()))));
    }

    /**
     * The Organization Department confirms the recorded election: the elected leaders take office
     * and a new term begins. The leaders who step down stay in the club as members; the newly
     * elected keep the membership they had.
     */
    public Decision<Club> confirmHandover(String actor, Instant now, Period term) {
        ElectionMeeting meeting = leadership.pendingElection();
        if (meeting == null || !state.allows(ClubAction.CONFIRM_HANDOVER)) {
            throw new IllegalTransitionException("confirming a handover" + (meeting == null
                    ? " (no election meeting has been recorded)" : ""), state.value(), allowedActions());
        }
        LocalDate today = today(now);
        Leadership next = leadership.handedOver(id, today, today.plus(term));
        List<String> steppingDown = leadership.studentNumbers().stream().filter(n -> !next.includes(n)).toList();
        Club handedOver = withPeople(next, memberships.joinedAll(steppingDown, today))
                .record(ClubAction.CONFIRM_HANDOVER, state, actor, now,
                        "election of " + meeting.heldOn() + " confirmed; term until " + next.termEndsOn());
        return new Decision<>(handedOver, List.of(new DomainEvent(ClubEventTypes.LEADERSHIP_CHANGED, actor, new ClubLeadershipChanged(
                handedOver.snapshot(), leadersAsContract(), meeting.heldOn(), next.termEndsOn()))));
    }

    /**
     * The term ended without a confirmed handover: flag it once per term. No events if the term
     * has not ended, it is already flagged, or the club is not live.
     */
    public Decision<Club> flagHandoverIfOverdue(Instant now) {
        if (!state.allows(ClubAction.FLAG_HANDOVER_OVERDUE) || !leadership.handoverNewlyOverdueOn(today(now))) {
            return Decision.quietly(this);
        }
        Club flagged = withPeople(leadership.overdue(), memberships).record(ClubAction.FLAG_HANDOVER_OVERDUE, state,
                DomainEvent.SYSTEM, now, "term ended on " + leadership.termEndsOn() + " without a confirmed handover");
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
        ClubState back = ClubHistory.of(history).last(ClubAction.SUSPEND).map(step -> ClubState.fromValue(step.from()).orElse(ClubState.ACTIVE))
                .orElse(ClubState.ACTIVE);
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
    public Decision<Club> requestSettlementAgainIfOverdue(Instant now, Duration deadline) {
        Instant last = ClubHistory.of(history).last(ClubAction.REQUEST_DISSOLUTION, ClubAction.REQUEST_SETTLEMENT_AGAIN)
                .map(Transition::at).orElse(null);
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
        return state != ClubState.DISSOLVING ? null
                : ClubHistory.of(history).last(ClubAction.REQUEST_DISSOLUTION).map(Transition::at).orElse(null);
    }

    /** How many times finance-service was asked to settle in the current dissolution (1 = the request itself). */
    public int settlementRequests() {
        return state == ClubState.DISSOLVING ? ClubHistory.of(history).settlementRequests() : 0;
    }

    // ---- merger ----

    /** Checks that this club may take part in a merger (either side). */
    public void requireMergeable() {
        require(state.allows(ClubAction.MERGE), "merging club " + id);
    }

    /**
     * The successor's side: takes in the merged-away clubs' members and leaders' history, and
     * records them as its predecessors (their members and leaders join as members, unless they lead
     * the successor). A repeat of the same merger changes nothing.
     */
    public Decision<Club> absorb(List<Club> mergedAway, String mergerId, String actor, Instant now) {
        List<String> ids = mergedAway.stream().map(Club::id).toList();
        if (mergerId.equals(lineage.mergerId()) && lineage.predecessorIds().containsAll(ids)) {
            return Decision.quietly(this);
        }
        requireMergeable();
        LocalDate today = today(now);
        Set<String> joining = new LinkedHashSet<>();
        Leadership merged = leadership;
        for (Club other : mergedAway) {
            joining.addAll(other.memberStudentNumbers());
            joining.addAll(other.leadership().studentNumbers());
            merged = merged.withHistoryOf(other.id(), other.leadership(), today);
        }
        joining.removeIf(leadership::includes);
        Club successor = withPeople(merged, memberships.joinedAll(joining, today))
                .withLineage(lineage.absorbed(ids, mergerId))
                .record(ClubAction.ABSORB, state, actor, now, "took in " + String.join(", ", ids) + " (merger " + mergerId + ")");
        return new Decision<>(successor, List.of(new DomainEvent(ClubEventTypes.MERGED, actor, new ClubMerged(successor.snapshot(), successor.snapshot(), ids, mergerId))));
    }

    /** The merged-away side: the club ends, pointing at its successor. */
    public Decision<Club> mergeInto(ClubSnapshot successor, List<String> mergedAwayIds, String mergerId, String actor, Instant now) {
        if (state == ClubState.MERGED && mergerId.equals(lineage.mergerId())) {
            return Decision.quietly(this);
        }
        requireMergeable();
        Club ended = withLineage(lineage.succeededBy(successor.id(), mergerId))
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
        List<String> steppingDown = leadership.replacedBy(appointee).stream().map(Leader::studentNumber)
                .filter(n -> !n.equals(appointee.studentNumber())).toList();
        Leadership appointed = leadership.withAppointment(id, appointee, today);
        Memberships periods = memberships.joined(appointee.studentNumber(), appointee.name(), today)
                .joinedAll(steppingDown, today);
        Club changed = withPeople(appointed, periods).record(ClubAction.APPOINT_LEADER, state, actor, now,
                appointee.studentNumber() + " appointed " + appointee.role() + " by open recruitment " + positionId);
        return new Decision<>(changed, List.of(new DomainEvent(ClubEventTypes.LEADERSHIP_CHANGED, actor, new ClubLeadershipChanged(
                changed.snapshot(), leadersAsContract(), today, appointed.termEndsOn()))));
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
        Club changed = withProfile(amended).record(ClubAction.AMEND_PROFILE, state, actor, now, reason);
        return new Decision<>(changed, List.of(new DomainEvent(ClubEventTypes.PROFILE_AMENDED, actor, new ClubStateChanged(changed.snapshot(), state.value(), reason))));
    }

    // ---- liaison ----

    /**
     * The Organization Department assigns the club's liaison officer (null ends the assignment).
     * Assigning the same officer again changes nothing.
     */
    public Decision<Club> assignLiaison(String officer, String actor, Instant now) {
        if (Objects.equals(officer, profile.liaisonOfficer())) {
            return Decision.quietly(this);
        }
        require(state.isLive(), "assigning a liaison officer");
        String reason = officer == null ? "liaison officer " + profile.liaisonOfficer() + " unassigned"
                : "liaison officer " + officer + " assigned";
        Club assigned = withProfile(profile.withLiaisonOfficer(officer))
                .record(ClubAction.ASSIGN_LIAISON, state, actor, now, reason);
        return new Decision<>(assigned, List.of(new DomainEvent(ClubEventTypes.LIAISON_ASSIGNED, actor, new ClubStateChanged(assigned.snapshot(), state.value(), reason))));
    }

    // ---- members ----

    /**
     * Admits a student whose membership application the club's leaders approved. Admitting a
     * member again changes nothing (a retried approval).
     */
    public Decision<Club> admit(String studentNumber, String name, String actor, Instant now) {
        if (includes(studentNumber)) {
            return Decision.quietly(this);
        }
        require(state.allows(ClubAction.ADMIT_MEMBER), "admitting a member");
        Club admitted = withPeople(leadership, memberships.joined(studentNumber, name, today(now)));
        return new Decision<>(admitted, List.of(new DomainEvent(ClubEventTypes.MEMBER_JOINED, actor, new ClubMembershipChanged(admitted.snapshot(), studentNumber, null))));
    }

    /**
     * A member leaves, or the leaders remove them: they are no longer a member, and every member
     * credential they hold for this club is revoked. A student who is not a member is a 409.
     */
    public Decision<Club> endMembership(String studentNumber, String how, String reason, String actor, Instant now) {
        Club ended = withPeople(leadership, memberships.left(id, leadership.studentNumbers(), studentNumber, now, how, reason));
        String why = how + (reason == null || reason.isBlank() ? "" : ": " + reason);
        return new Decision<>(ended, List.of(
                new DomainEvent(ClubEventTypes.MEMBER_LEFT, actor, new ClubMembershipChanged(ended.snapshot(), studentNumber, why)),
                new DomainEvent(ClubEventTypes.CREDENTIAL_REVOKED, actor, new CredentialRevoked(ended.snapshot(), studentNumber, now, why))));
    }

    /** Whether {@code studentNumber} belongs to the club now, as leader or member. */
    public boolean includes(String studentNumber) {
        return isLedBy(studentNumber) || memberStudentNumbers().contains(studentNumber);
    }

    // ---- reading ----

    /** The current members (not the leaders), in the order they joined: derived from {@link #memberships()}. */
    public List<String> memberStudentNumbers() {
        return memberships.members(leadership.studentNumbers());
    }

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
        return leadership.includes(studentNumber);
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
                leadersAsContract(), memberStudentNumbers(), profile.liaisonOfficer(), lineage.successorId(), contact());
    }

    private List<ClubLeader> leadersAsContract() {
        return leaders().stream().map(Leader::toContract).toList();
    }

    private Decision<Club> move(ClubAction action, ClubState to, String eventType, String reason, String actor, Instant now,
                        String what) {
        require(state.allows(action), what);
        Club moved = record(action, to, actor, now, reason);
        return new Decision<>(moved, List.of(new DomainEvent(eventType, actor, new ClubStateChanged(moved.snapshot(), state.value(), reason))));
    }

    private void require(boolean allowed, String what) {
        if (!allowed) {
            throw new IllegalTransitionException(what + " (club " + id + ")", state.value(), allowedActions());
        }
    }

    // ---- the only copies: each changes one part and keeps the rest ----

    private Club record(ClubAction action, ClubState to, String actor, Instant now, String reason) {
        List<Transition> steps = new ArrayList<>(history);
        steps.add(new Transition(action.value(), state.value(), to.value(), actor, now, reason));
        return new Club(id, profile, to, leadership, memberships, registrations, lineage, steps, enteredAt, enteredBy);
    }

    private Club withProfile(ClubProfile changed) {
        return new Club(id, changed, state, leadership, memberships, registrations, lineage, history, enteredAt, enteredBy);
    }

    private Club withPeople(Leadership leaders, Memberships members) {
        return new Club(id, profile, state, leaders, members, registrations, lineage, history, enteredAt, enteredBy);
    }

    private Club withRegistrations(Registrations changed) {
        return new Club(id, profile, state, leadership, memberships, changed, lineage, history, enteredAt, enteredBy);
    }

    private Club withLineage(Lineage changed) {
        return new Club(id, profile, state, leadership, memberships, registrations, changed, history, enteredAt, enteredBy);
    }

    private static LocalDate today(Instant now) {
        return FederationCalendar.dayOf(now);
    }
}
