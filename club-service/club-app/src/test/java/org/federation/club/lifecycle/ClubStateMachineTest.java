package org.federation.club.lifecycle;

import org.federation.platform.domain.Decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubHandoverOverdue;
import org.federation.club.contracts.ClubLeadershipChanged;
import org.federation.club.contracts.ClubMerged;
import org.federation.club.contracts.ClubRegistrationConfirmed;
import org.federation.club.contracts.ClubStateChanged;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubAction;
import org.federation.club.registry.domain.ClubCategory;
import org.federation.club.registry.domain.ClubState;
import org.federation.club.registry.domain.ElectionMeeting;
import org.federation.club.registry.domain.ExistingClub;
import org.federation.club.registry.domain.Leader;
import org.federation.club.registry.domain.RegistrationChanges;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The club lifecycle as a state machine: every legal step, and every illegal one refused with the state and what is allowed. */
class ClubStateMachineTest {

    static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");
    static final Period TERM = Period.ofYears(1);
    static final String YEAR = "2026-2027";

    static Club active(String id) {
        return Club.importExisting(id, new ExistingClub("Club " + id, ClubCategory.SPORTS, LocalDate.of(2015, 9, 1),
                "李雷", "L-" + id, "c@example.edu", List.of("M1-" + id, "M2-" + id)), "org", NOW, TERM).state();
    }

    static Club in(ClubState state) {
        Club club = active("x");
        return switch (state) {
            case ACTIVE -> club;
            case UNREGISTERED -> club.missRegistration(YEAR, NOW).state();
            case SUSPENDED -> club.suspend("audit", "pres", NOW).state();
            case DISSOLVING -> club.requestDissolution("no members", "pres", NOW).state();
            case DISSOLVED -> club.requestDissolution("no members", "pres", NOW).state().completeDissolution("settled", NOW).state();
            case MERGED -> club.mergeInto(active("succ").snapshot(), List.of("x"), "m1", "org", NOW).state();
        };
    }

    static ElectionMeeting election(boolean quorate) {
        return new ElectionMeeting(LocalDate.of(2026, 8, 30), 30, quorate,
                List.of(new ElectionMeeting.CandidateVotes("M1-x", "韩梅梅", 20), new ElectionMeeting.CandidateVotes("M2-x", "王五", 10)),
                List.of(new Leader("M1-x", "韩梅梅", Leader.PRESIDENT)), "L-x", NOW);
    }

    @Test
    void importedClubStartsActiveWithItsEstablishmentInTheHistoryAndATerm() {
        Club club = active("a");
        assertThat(club.state()).isEqualTo(ClubState.ACTIVE);
        assertThat(club.history()).singleElement().satisfies(t -> {
            assertThat(t.action()).isEqualTo("establish");
            assertThat(t.actor()).isEqualTo("org");
        });
        assertThat(club.leadership().termEndsOn()).isEqualTo(LocalDate.of(2027, 9, 1));
        assertThat(club.allowedActions()).contains("register", "suspend", "request-dissolution", "merge")
                .doesNotContain("confirm-handover", "reinstate");
    }

    @Test
    void registeringOnTimeCountsAndEntersOnlyTheChanges() {
        Decision<Club> change = active("a").register(YEAR, new RegistrationChanges("new@example.edu", null, null, 2), true,
                "L-a", NOW);
        assertThat(change.state().registrationYear()).isEqualTo(YEAR);
        assertThat(change.state().contact()).isEqualTo("new@example.edu");
        ClubRegistrationConfirmed event = (ClubRegistrationConfirmed) change.events().get(0).payload();
        assertThat(change.events().get(0).type()).isEqualTo(ClubEventTypes.REGISTRATION_CONFIRMED);
        assertThat(event.changedFields()).containsExactly("contact"); // member count 2 is what was known
        assertThat(event.late()).isFalse();
    }

    @Test
    void registeringTwiceForAYearIsAConflict() {
        Club registered = active("a").register(YEAR, RegistrationChanges.none(), true, "L-a", NOW).state();
        assertThatThrownBy(() -> registered.register(YEAR, RegistrationChanges.none(), true, "L-a", NOW))
                .hasMessageContaining("already registered");
    }

    @Test
    void missingTheDeadlineUnregistersOnceAndALateRegistrationNeedsAcceptance() {
        Decision<Club> missed = active("a").missRegistration(YEAR, NOW);
        assertThat(missed.state().state()).isEqualTo(ClubState.UNREGISTERED);
        assertThat(((ClubStateChanged) missed.events().get(0).payload()).previousState()).isEqualTo("active");
        assertThat(missed.state().missRegistration(YEAR, NOW).events()).as("a second sweep changes nothing").isEmpty();

        Decision<Club> submitted = missed.state().register(YEAR, RegistrationChanges.none(), false, "L-a", NOW);
        assertThat(submitted.events()).as("a late registration awaiting acceptance is a fact, by its leader (issue 19)")
                .singleElement().satisfies(e -> {
                    assertThat(e.type()).isEqualTo(ClubEventTypes.LATE_REGISTRATION_SUBMITTED);
                    assertThat(e.actor()).isEqualTo("L-a");
                    var payload = (org.federation.club.contracts.LateRegistrationSubmitted) e.payload();
                    assertThat(payload.academicYear()).isEqualTo(YEAR);
                    assertThat(payload.club().state()).isEqualTo("unregistered");
                });
        Club late = submitted.state();
        assertThat(late.state()).as("late waits for the department").isEqualTo(ClubState.UNREGISTERED);
        assertThat(late.registrationYear()).isNull();

        Decision<Club> accepted = late.acceptLateRegistration(YEAR, "org", NOW);
        assertThat(accepted.state().state()).isEqualTo(ClubState.ACTIVE);
        assertThat(accepted.state().registrationYear()).isEqualTo(YEAR);
        assertThat(((ClubRegistrationConfirmed) accepted.events().get(0).payload()).late()).isTrue();

        assertThatThrownBy(() -> accepted.state().acceptLateRegistration(YEAR, "org", NOW))
                .isInstanceOf(IllegalTransitionException.class)
                .as("accepting it twice says it is accepted, not that it was never submitted")
                .hasMessageContaining("already accepted").hasMessageNotContaining("has not submitted");
    }

    @Test
    void aClubThatRegisteredIsNotMarkedMissed() {
        Club registered = active("a").register(YEAR, RegistrationChanges.none(), true, "L-a", NOW).state();
        assertThat(registered.missRegistration(YEAR, NOW).events()).isEmpty();
        assertThat(registered.state()).isEqualTo(ClubState.ACTIVE);
    }

    @Test
    void acceptingALateRegistrationThatWasNeverSubmittedIsIllegal() {
        assertThatThrownBy(() -> in(ClubState.UNREGISTERED).acceptLateRegistration(YEAR, "org", NOW))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("has not submitted one")
                .satisfies(e -> assertThat(((IllegalTransitionException) e).currentState()).isEqualTo("unregistered"));
    }

    @Test
    void aConfirmedElectionStartsANewTermAndKeepsTheOldOneInTheHistory() {
        Club recorded = active("x").recordElection(election(true), NOW).state();
        assertThat(recorded.leaders()).extracting(Leader::studentNumber).containsExactly("L-x");
        assertThat(recorded.allowedActions()).contains("confirm-handover");

        Instant later = NOW.plusSeconds(86_400);
        Decision<Club> confirmed = recorded.confirmHandover("org", later, TERM);
        assertThat(confirmed.state().leaders()).extracting(Leader::studentNumber).containsExactly("M1-x");
        assertThat(confirmed.state().memberStudentNumbers()).contains("L-x").doesNotContain("M1-x");
        assertThat(confirmed.state().leadership().pastTerms()).singleElement()
                .satisfies(t -> assertThat(t.leaders()).extracting(Leader::studentNumber).containsExactly("L-x"));
        assertThat(confirmed.state().leadership().termEndsOn()).isEqualTo(LocalDate.of(2027, 9, 2));
        ClubLeadershipChanged event = (ClubLeadershipChanged) confirmed.events().get(0).payload();
        assertThat(event.previousLeaders()).extracting(l -> l.studentNumber()).containsExactly("L-x");
    }

    @Test
    void theLeadershipRecordTellsWhoLedTheClubOnAnyDay() {
        Club handedOver = active("x").recordElection(election(true), NOW).state()
                .confirmHandover("org", NOW.plus(java.time.Duration.ofDays(10)), TERM).state();
        assertThat(handedOver.leadership().on("x", LocalDate.of(2026, 9, 5))).extracting(Leader::studentNumber)
                .containsExactly("L-x");
        assertThat(handedOver.leadership().on("x", LocalDate.of(2026, 9, 11))).extracting(Leader::studentNumber)
                .containsExactly("M1-x");
        assertThat(handedOver.leadership().on("x", LocalDate.of(2020, 1, 1))).as("before the platform knew").isEmpty();
    }

    @Test
    void confirmingAnElectionThatWasNeverHeldIsIllegalAndNamesTheAllowedActions() {
        assertThatThrownBy(() -> active("x").confirmHandover("org", NOW, TERM))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("no election meeting has been recorded")
                .satisfies(e -> assertThat(((IllegalTransitionException) e).allowedActions())
                        .contains("record-election").doesNotContain("confirm-handover"));
    }

    @Test
    void anInquorateElectionCannotBeConfirmed() {
        Club recorded = active("x").recordElection(election(false), NOW).state();
        assertThatThrownBy(() -> recorded.confirmHandover("org", NOW, TERM)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("not quorate");
    }

    @Test
    void incoherentElectionRecordsAreRefused() {
        ElectionMeeting twoPresidents = new ElectionMeeting(LocalDate.of(2026, 8, 30), 30, true,
                List.of(new ElectionMeeting.CandidateVotes("M1-x", "a", 20), new ElectionMeeting.CandidateVotes("M2-x", "b", 10)),
                List.of(new Leader("M1-x", "a", Leader.PRESIDENT), new Leader("M2-x", "b", Leader.PRESIDENT)), "L-x", NOW);
        assertThatThrownBy(() -> active("x").recordElection(twoPresidents, NOW)).hasMessageContaining("exactly one president");
        ElectionMeeting notCandidate = new ElectionMeeting(LocalDate.of(2026, 8, 30), 30, true,
                List.of(new ElectionMeeting.CandidateVotes("M1-x", "a", 20)),
                List.of(new Leader("Z", "z", Leader.PRESIDENT)), "L-x", NOW);
        assertThatThrownBy(() -> active("x").recordElection(notCandidate, NOW)).hasMessageContaining("not a candidate");
        ElectionMeeting tooManyVotes = new ElectionMeeting(LocalDate.of(2026, 8, 30), 5, true,
                List.of(new ElectionMeeting.CandidateVotes("M1-x", "a", 20)),
                List.of(new Leader("M1-x", "a", Leader.PRESIDENT)), "L-x", NOW);
        assertThatThrownBy(() -> active("x").recordElection(tooManyVotes, NOW)).hasMessageContaining("only 5 members");
        ElectionMeeting future = new ElectionMeeting(LocalDate.of(2026, 12, 1), 30, true,
                List.of(new ElectionMeeting.CandidateVotes("M1-x", "a", 20)),
                List.of(new Leader("M1-x", "a", Leader.PRESIDENT)), "L-x", NOW);
        assertThatThrownBy(() -> active("x").recordElection(future, NOW)).hasMessageContaining("before it is held");
    }

    @Test
    void aTermThatEndedWithoutAHandoverIsFlaggedOnce() {
        Instant afterTerm = NOW.plus(java.time.Duration.ofDays(366));
        assertThat(active("x").flagHandoverIfOverdue(NOW).events()).as("term still running").isEmpty();
        Decision<Club> flagged = active("x").flagHandoverIfOverdue(afterTerm);
        assertThat(flagged.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ClubEventTypes.HANDOVER_OVERDUE);
            assertThat(((ClubHandoverOverdue) e.payload()).termEndedOn()).isEqualTo(LocalDate.of(2027, 9, 1));
        });
        assertThat(flagged.state().leadership().overdueSince()).isEqualTo(LocalDate.of(2027, 9, 1));
        assertThat(flagged.state().flagHandoverIfOverdue(afterTerm.plusSeconds(60)).events()).isEmpty();
    }

    @Test
    void suspensionReturnsTheClubToTheStateItWasSuspendedFrom() {
        Club unregistered = in(ClubState.UNREGISTERED);
        Club suspended = unregistered.suspend("audit", "pres", NOW).state();
        assertThat(suspended.state()).isEqualTo(ClubState.SUSPENDED);
        assertThat(suspended.allowedActions()).containsExactlyInAnyOrder("reinstate", "request-dissolution");
        Decision<Club> reinstated = suspended.reinstate("audit passed", "pres", NOW);
        assertThat(reinstated.state().state()).isEqualTo(ClubState.UNREGISTERED);
        assertThat(reinstated.events().get(0).type()).isEqualTo(ClubEventTypes.REINSTATED);
        assertThat(reinstated.state().history()).extracting(t -> t.action())
                .containsExactly("establish", "miss-registration", "suspend", "reinstate");
        assertThat(reinstated.state().history().get(3).reason()).isEqualTo("audit passed");
    }

    @Test
    void dissolutionWaitsForTheSettlementAndASecondSettlementChangesNothing() {
        Decision<Club> requested = active("x").requestDissolution("two missed registrations", "org", NOW);
        assertThat(requested.state().state()).isEqualTo(ClubState.DISSOLVING);
        assertThat(requested.events().get(0).type()).isEqualTo(ClubEventTypes.DISSOLUTION_REQUESTED);
        assertThat(requested.state().allowedActions()).isEmpty();
        Decision<Club> dissolved = requested.state().completeDissolution("account settled", NOW);
        assertThat(dissolved.state().state()).isEqualTo(ClubState.DISSOLVED);
        assertThat(dissolved.events().get(0).type()).isEqualTo(ClubEventTypes.DISSOLVED);
        assertThat(dissolved.state().completeDissolution("account settled", NOW).events()).isEmpty();
    }

    @Test
    void aMergerMovesMembersAndLeadersHistoryToTheSuccessorAndPointsTheMergedAwayAtIt() {
        Club successor = active("s");
        Club other = active("o");
        Decision<Club> absorbed = successor.absorb(List.of(other), "m1", "org", NOW);
        assertThat(absorbed.state().memberStudentNumbers()).contains("M1-o", "M2-o", "L-o", "M1-s");
        assertThat(absorbed.state().leadership().pastTerms()).singleElement()
                .satisfies(t -> assertThat(t.clubId()).isEqualTo("o"));
        assertThat(absorbed.state().lineage().predecessorIds()).containsExactly("o");
        assertThat(absorbed.state().absorb(List.of(other), "m1", "org", NOW).events()).as("a repeat").isEmpty();

        Decision<Club> ended = other.mergeInto(absorbed.state().snapshot(), List.of("o"), "m1", "org", NOW);
        assertThat(ended.state().state()).isEqualTo(ClubState.MERGED);
        assertThat(ended.state().snapshot().successorId()).isEqualTo("s");
        ClubMerged event = (ClubMerged) ended.events().get(0).payload();
        assertThat(event.successor().id()).isEqualTo("s");
        assertThat(event.mergedAwayIds()).containsExactly("o");
        assertThat(ended.state().mergeInto(absorbed.state().snapshot(), List.of("o"), "m1", "org", NOW).events()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ClubState.class, names = {"DISSOLVING", "DISSOLVED", "MERGED"})
    void anEndingOrEndedClubCannotRegisterMergeOrBeSuspended(ClubState state) {
        Club club = in(state);
        assertThatThrownBy(() -> club.register(YEAR, RegistrationChanges.none(), true, "L-x", NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("while " + state.value());
        assertThatThrownBy(club::requireMergeable).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> club.suspend("x", "pres", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> club.recordElection(election(true), NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @ParameterizedTest
    @EnumSource(ClubState.class)
    void everyStateAllowsExactlyWhatItsTableSays(ClubState state) {
        Club club = in(state);
        for (ClubAction action : List.of(ClubAction.SUSPEND, ClubAction.REINSTATE, ClubAction.REQUEST_DISSOLUTION)) {
            Runnable attempt = switch (action) {
                case SUSPEND -> () -> club.suspend("r", "p", NOW);
                case REINSTATE -> () -> club.reinstate("r", "p", NOW);
                default -> () -> club.requestDissolution("r", "p", NOW);
            };
            if (state.allows(action)) {
                attempt.run();
            } else {
                assertThatThrownBy(attempt::run).isInstanceOf(IllegalTransitionException.class)
                        .satisfies(e -> assertThat(((IllegalTransitionException) e).allowedActions())
                                .isEqualTo(club.allowedActions()));
            }
        }
    }
}
