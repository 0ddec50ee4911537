package org.federation.club.founding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.federation.club.contracts.ClubEstablished;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.FoundingAnnouncement;
import org.federation.club.contracts.FoundingApplicationChanged;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubCategory;
import org.federation.club.registry.domain.ClubState;
import org.federation.club.registry.domain.Leader;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.RuleViolationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The founding state machine, its checklist, ballots and the decision computed from them. */
class FoundingApplicationTest {

    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    static final FoundingRules RULES = new FoundingRules(3, 3, Fraction.parse("2/3"), Fraction.parse("1/2"),
            Period.ofDays(90));
    static final Checklist CHECKLIST = new Checklist(List.of(
            new Criterion("enough-initiators", "enough initiators", true),
            new Criterion("advisor-confirmed", "faculty advisor confirmed", true),
            new Criterion("contact-reachable", "contact reaches the initiators", false)));
    static final String SUBMITTER = "2024000001";
    static final String REVIEWER = "2099000003";
    static final List<PanelMember> PANEL = List.of(new PanelMember("P001", "甲"), new PanelMember("P002", "乙"),
            new PanelMember("P003", "丙"));
    static final Instant HEARING = T0.plus(Duration.ofDays(7));

    static Proposal proposal(String name, List<Initiator> initiators) {
        return new Proposal(" " + name + " ", ClubCategory.ACADEMIC_TECHNOLOGY, "Robots for everyone",
                List.of("weekly build night", "spring robot contest"), "Prof. Wang", "Article 1 …", "robots@example.edu",
                initiators);
    }

    static List<Initiator> initiators(String... roles) {
        List<Initiator> all = new ArrayList<>();
        for (int i = 0; i < roles.length; i++) {
            all.add(new Initiator("202400000" + (i + 1), "Initiator " + (i + 1), roles[i]));
        }
        return all;
    }

    static FoundingApplication submitted() {
        return FoundingApplication.submit("app-1", proposal("Robotics Club", initiators(null, null, null)), SUBMITTER, T0,
                RULES).state();
    }

    static List<CriterionAnswer> allPass() {
        return CHECKLIST.ids().stream().map(id -> new CriterionAnswer(id, true, null)).toList();
    }

    static FoundingApplication qualified() {
        return submitted().review(allPass(), CHECKLIST, REVIEWER, T0.plusSeconds(60)).state();
    }

    static FoundingApplication returned() {
        return submitted().review(List.of(new CriterionAnswer("enough-initiators", true, null),
                new CriterionAnswer("advisor-confirmed", false, "no letter from the advisor"),
                new CriterionAnswer("contact-reachable", true, null)), CHECKLIST, REVIEWER, T0.plusSeconds(60)).state();
    }

    static FoundingApplication scheduled(List<PanelMember> panel, FoundingRules rules) {
        return qualified().scheduleHearing(HEARING, "Student Centre 201", panel, REVIEWER, T0.plusSeconds(120), rules)
                .state();
    }

    static FoundingApplication scheduled() {
        return scheduled(PANEL, RULES);
    }

    static org.federation.platform.domain.Decision<FoundingApplication> vote(FoundingApplication application, String voter, BallotChoice choice,
                                           String comment) {
        return application.castBallot(voter, choice, comment, HEARING.plusSeconds(60), RULES);
    }

    static FoundingApplication approved() {
        FoundingApplication a = vote(scheduled(), "P001", BallotChoice.APPROVE, "good").state();
        a = vote(a, "P002", BallotChoice.APPROVE, null).state();
        return vote(a, "P003", BallotChoice.ABSTAIN, null).state();
    }

    static void assertIllegal(Runnable step, String state, String... allowed) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
            assertThat(e.currentState()).isEqualTo(state);
            assertThat(e.allowedActions()).containsExactly(allowed);
        });
    }

    static void assertRule(Runnable step, String field, String... words) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(words);
        });
    }

    static FoundingApplicationChanged payload(FoundingApplication state, List<org.federation.platform.domain.DomainEvent> events,
                                              String type) {
        return payload(new org.federation.platform.domain.Decision<>(state, events), type);
    }

    static FoundingApplicationChanged payload(org.federation.platform.domain.Decision<FoundingApplication> change, String type) {
        assertThat(change.events()).hasSize(1);
        assertThat(change.events().get(0).type()).isEqualTo(type);
        return (FoundingApplicationChanged) change.events().get(0).payload();
    }

    @Nested
    class StateMachine {

        private FoundingApplication in(FoundingState state) {
            Instant late = HEARING.plusSeconds(3600);
            return switch (state) {
                case SUBMITTED -> submitted();
                case RETURNED -> returned();
                case QUALIFIED -> qualified();
                case HEARING_SCHEDULED -> scheduled();
                case INCONCLUSIVE -> scheduled().closeHearing(REVIEWER, late, RULES).state();
                case APPROVED -> approved();
                case ESTABLISHED -> approved().markEstablished("club-1", "system", late, RULES).state();
                case REJECTED -> vote(vote(vote(scheduled(), "P001", BallotChoice.REJECT, "no").state(), "P002",
                        BallotChoice.REJECT, "no").state(), "P003", BallotChoice.REJECT, "no").state();
                case WITHDRAWN -> submitted().withdraw("changed plans", SUBMITTER, T0).state();
            };
        }

        private org.federation.platform.domain.Decision<FoundingApplication> attempt(FoundingApplication application, FoundingAction action) {
            Instant late = HEARING.plusSeconds(3600);
            return switch (action) {
                case SUBMIT, DECIDE -> throw new IllegalArgumentException("not a command on an application");
                case RESUBMIT -> application.resubmit(proposal("Robotics Club", initiators(null, null, null)), SUBMITTER,
                        late, RULES);
                case REVIEW -> application.review(allPass(), CHECKLIST, REVIEWER, late);
                case SCHEDULE_HEARING -> application.scheduleHearing(late.plusSeconds(3600), "Room", PANEL, REVIEWER, late,
                        RULES);
                case CAST_BALLOT -> application.castBallot("P003", BallotChoice.APPROVE, null, late, RULES);
                case CLOSE_HEARING -> application.closeHearing(REVIEWER, late, RULES);
                case ESTABLISH -> application.markEstablished("club-2", "system", late, RULES);
                case WITHDRAW -> application.withdraw("changed plans", SUBMITTER, late);
            };
        }

        @Test
        void everyCommandIsAllowedExactlyInTheStatesTheTableSaysAndRefusedElsewhereNamingStateAndAllowedActions() {
            List<String> checked = new ArrayList<>();
            for (FoundingState state : FoundingState.values()) {
                FoundingApplication application = in(state);
                assertThat(application.state()).isEqualTo(state);
                for (FoundingAction action : FoundingAction.values()) {
                    if (action == FoundingAction.SUBMIT || action == FoundingAction.DECIDE) {
                        continue;
                    }
                    if (state.allows(action)) {
                        org.federation.platform.domain.Decision<FoundingApplication> change = attempt(application, action);
                        assertThat(change.state().history()).as(state + " " + action)
                                .hasSize(application.history().size() + (action == FoundingAction.CAST_BALLOT
                                        && change.state().state() != state ? 2 : 1));
                    } else {
                        assertThatThrownBy(() -> attempt(application, action)).as(state + " " + action)
                                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                                    assertThat(e.currentState()).isEqualTo(state.value());
                                    assertThat(e.allowedActions()).isEqualTo(application.allowedActions());
                                });
                    }
                    checked.add(state.value() + ":" + action.value());
                }
            }
            assertThat(checked).hasSize(FoundingState.values().length * (FoundingAction.values().length - 2));
        }
    }

    @Nested
    class Submission {

        @Test
        void submittingRecordsTheProposalWithDefaultRolesAndPublishesSubmitted() {
            org.federation.platform.domain.Decision<FoundingApplication> change = FoundingApplication.submit("app-1",
                    proposal("Robotics Club", initiators(null, null, null)), SUBMITTER, T0, RULES);

            FoundingApplication application = change.state();
            assertThat(application.state()).isEqualTo(FoundingState.SUBMITTED);
            assertThat(application.name()).isEqualTo("Robotics Club");
            assertThat(application.proposal().initiators()).extracting(Initiator::role)
                    .containsExactly("president", "member", "member");
            assertThat(application.allowedActions()).containsExactly("review", "withdraw");
            assertThat(application.history()).singleElement().satisfies(step -> {
                assertThat(step.action()).isEqualTo("submit");
                assertThat(step.to()).isEqualTo("submitted");
                assertThat(step.actor()).isEqualTo(SUBMITTER);
                assertThat(step.at()).isEqualTo(T0);
            });
            FoundingApplicationChanged event = payload(change, ClubEventTypes.FOUNDING_SUBMITTED);
            assertThat(event.application().id()).isEqualTo("app-1");
            assertThat(event.application().state()).isEqualTo("submitted");
            assertThat(event.application().category()).isEqualTo("academic-technology");
            assertThat(event.application().initiators()).containsExactly("2024000001", "2024000002", "2024000003");
            assertThat(event.reasons()).isEmpty();
        }

        @Test
        void proposedRolesAreKeptAndInitiatorsWithoutOneAreMembers() {
            FoundingApplication application = FoundingApplication.submit("app-1",
                    proposal("Robotics Club", initiators("treasurer", "president", null, "vice-president")), SUBMITTER,
                    T0, RULES).state();
            assertThat(application.proposal().initiators()).extracting(Initiator::role)
                    .containsExactly("treasurer", "president", "member", "vice-president");
        }

        @Test
        void tooFewInitiatorsDuplicatesAndAnOutsideSubmitterAreRefusedNamingInitiators() {
            assertRule(() -> FoundingApplication.submit("a", proposal("X", initiators(null, null)), SUBMITTER, T0, RULES),
                    "initiators", "at least 3");
            List<Initiator> twice = new ArrayList<>(initiators(null, null, null));
            twice.add(new Initiator(" 2024000002 ", "Again", null));
            assertRule(() -> FoundingApplication.submit("a", proposal("X", twice), SUBMITTER, T0, RULES),
                    "initiators", "2024000002", "more than once");
            assertRule(() -> FoundingApplication.submit("a", proposal("X", initiators(null, null, null)), "2099999999",
                    T0, RULES), "initiators", "submitter (2099999999)");
        }

        @Test
        void exactlyOnePresidentIsProposed() {
            assertRule(() -> FoundingApplication.submit("a", proposal("X", initiators("president", "president", null)),
                    SUBMITTER, T0, RULES), "initiators", "exactly one", "2 are");
            assertRule(() -> FoundingApplication.submit("a", proposal("X", initiators("treasurer", null, null)),
                    SUBMITTER, T0, RULES), "initiators", "exactly one", "0 are");
            assertRule(() -> FoundingApplication.submit("a", proposal("X", initiators("president", "chairman", null)),
                    SUBMITTER, T0, RULES), "initiators", "'chairman' is not a role");
        }

        @Test
        void theMinimumNumberOfInitiatorsIsConfigurable() {
            FoundingRules five = new FoundingRules(5, 3, Fraction.parse("2/3"), Fraction.parse("1/2"), Period.ofDays(90));
            assertRule(() -> FoundingApplication.submit("a", proposal("X", initiators(null, null, null, null)), SUBMITTER,
                    T0, five), "initiators", "at least 5", "lists 4");
            assertThat(FoundingApplication.submit("a", proposal("X", initiators(null, null, null, null, null)), SUBMITTER,
                    T0, five).state().state()).isEqualTo(FoundingState.SUBMITTED);
        }
    }

    @Nested
    class QualificationReview {

        @Test
        void passingEveryMandatoryCriterionQualifies() {
            List<CriterionAnswer> answers = List.of(new CriterionAnswer("contact-reachable", false, "mailbox full"),
                    new CriterionAnswer("advisor-confirmed", true, "letter of 1 Nov"),
                    new CriterionAnswer("enough-initiators", true, null));
            org.federation.platform.domain.Decision<FoundingApplication> change = submitted().review(answers, CHECKLIST, REVIEWER, T0.plusSeconds(60));

            assertThat(change.state().state()).isEqualTo(FoundingState.QUALIFIED);
            assertThat(change.state().allowedActions()).containsExactly("schedule-hearing", "withdraw");
            Review review = change.state().reviews().get(0);
            assertThat(review.outcome()).isEqualTo("qualified");
            assertThat(review.reviewer()).isEqualTo(REVIEWER);
            assertThat(review.results()).extracting(CriterionResult::criterion)
                    .as("in checklist order").containsExactly("enough-initiators", "advisor-confirmed", "contact-reachable");
            assertThat(review.results().get(2).mandatory()).isFalse();
            assertThat(review.results().get(2).note()).isEqualTo("mailbox full");
            assertThat(payload(change, ClubEventTypes.FOUNDING_QUALIFIED).application().state()).isEqualTo("qualified");
        }

        @Test
        void failingAMandatoryCriterionReturnsTheApplicationWithTheReasons() {
            FoundingApplication returned = returned();
            assertThat(returned.state()).isEqualTo(FoundingState.RETURNED);
            assertThat(returned.reasons()).containsExactly("advisor-confirmed: no letter from the advisor");
            assertThat(returned.allowedActions()).containsExactly("resubmit", "withdraw");

            org.federation.platform.domain.Decision<FoundingApplication> change = submitted().review(List.of(
                    new CriterionAnswer("enough-initiators", false, "only two are students"),
                    new CriterionAnswer("advisor-confirmed", false, "no letter"),
                    new CriterionAnswer("contact-reachable", false, "bounces")), CHECKLIST, REVIEWER, T0);
            assertThat(payload(change, ClubEventTypes.FOUNDING_RETURNED).reasons())
                    .containsExactly("enough-initiators: only two are students", "advisor-confirmed: no letter");
        }

        @Test
        void unknownMissingDoubledAndUnexplainedCriteriaAreRefusedNamingThem() {
            FoundingApplication application = submitted();
            List<CriterionAnswer> unknown = new ArrayList<>(allPass());
            unknown.add(new CriterionAnswer("likes-cats", true, null));
            unknown.add(new CriterionAnswer("has-logo", true, null));
            assertRule(() -> application.review(unknown, CHECKLIST, REVIEWER, T0), "results", "unknown criteria",
                    "likes-cats", "has-logo");
            assertRule(() -> application.review(allPass().subList(0, 1), CHECKLIST, REVIEWER, T0), "results", "missing",
                    "advisor-confirmed", "contact-reachable");
            List<CriterionAnswer> twice = new ArrayList<>(allPass());
            twice.add(new CriterionAnswer("advisor-confirmed", false, "second thoughts"));
            assertRule(() -> application.review(twice, CHECKLIST, REVIEWER, T0), "results", "more than once",
                    "advisor-confirmed");
            assertRule(() -> application.review(List.of(new CriterionAnswer("enough-initiators", true, null),
                            new CriterionAnswer("advisor-confirmed", false, " "),
                            new CriterionAnswer("contact-reachable", true, null)), CHECKLIST, REVIEWER, T0),
                    "results", "needs a note", "advisor-confirmed");
        }

        @Test
        void reviewingTwiceIsAnIllegalTransition() {
            assertIllegal(() -> qualified().review(allPass(), CHECKLIST, REVIEWER, T0), "qualified",
                    "schedule-hearing", "withdraw");
            assertIllegal(() -> returned().review(allPass(), CHECKLIST, REVIEWER, T0), "returned", "resubmit", "withdraw");
        }

        @Test
        void aChecklistHasCriteriaWithDistinctIds() {
            assertThatThrownBy(() -> new Checklist(List.of())).hasMessageContaining("at least one");
            assertThatThrownBy(() -> new Checklist(List.of(new Criterion("a", "x", true), new Criterion("a", "y", false))))
                    .hasMessageContaining("'a'");
        }
    }

    @Nested
    class ResubmissionAndWithdrawal {

        @Test
        void aReturnedApplicationIsCorrectedAndSubmittedAgainKeepingItsReviews() {
            org.federation.platform.domain.Decision<FoundingApplication> change = returned().resubmit(proposal("Robotics Club",
                    initiators(null, null, null, null)), SUBMITTER, T0.plusSeconds(600), RULES);

            FoundingApplication again = change.state();
            assertThat(again.state()).isEqualTo(FoundingState.SUBMITTED);
            assertThat(again.proposal().initiators()).hasSize(4);
            assertThat(again.reviews()).hasSize(1);
            assertThat(again.reasons()).isEmpty();
            assertThat(again.history()).extracting(FoundingStep::action).containsExactly("submit", "review", "resubmit");
            assertThat(payload(change, ClubEventTypes.FOUNDING_SUBMITTED).application().initiators()).hasSize(4);
            assertThat(again.review(allPass(), CHECKLIST, REVIEWER, T0.plusSeconds(700)).state().reviews()).hasSize(2);
        }

        @Test
        void onlyAReturnedApplicationIsResubmitted() {
            Proposal p = proposal("Robotics Club", initiators(null, null, null));
            assertIllegal(() -> submitted().resubmit(p, SUBMITTER, T0, RULES), "submitted", "review", "withdraw");
            assertIllegal(() -> qualified().resubmit(p, SUBMITTER, T0, RULES), "qualified", "schedule-hearing", "withdraw");
        }

        @Test
        void anOpenApplicationIsWithdrawnInAnyOpenStateClosingAnOpenHearing() {
            for (FoundingApplication open : List.of(submitted(), returned(), qualified(), scheduled())) {
                org.federation.platform.domain.Decision<FoundingApplication> change = open.withdraw(" we merged with another club ", SUBMITTER, T0);
                assertThat(change.state().state()).isEqualTo(FoundingState.WITHDRAWN);
                assertThat(change.state().allowedActions()).isEmpty();
                assertThat(payload(change, ClubEventTypes.FOUNDING_WITHDRAWN).reasons())
                        .containsExactly("we merged with another club");
                change.state().currentHearing().ifPresent(h -> assertThat(h.outcome()).isEqualTo("withdrawn"));
            }
        }

        @Test
        void aClosedApplicationCannotBeWithdrawn() {
            FoundingApplication withdrawn = submitted().withdraw("x", SUBMITTER, T0).state();
            assertIllegal(() -> withdrawn.withdraw("again", SUBMITTER, T0), "withdrawn");
            assertIllegal(() -> approved().withdraw("too late", SUBMITTER, T0), "approved", "establish");
        }
    }

    @Nested
    class HearingScheduling {

        @Test
        void aQualifiedApplicationGetsAHearingInTheFuture() {
            org.federation.platform.domain.Decision<FoundingApplication> change = qualified().scheduleHearing(HEARING, " Student Centre 201 ", PANEL,
                    REVIEWER, T0, RULES);
            FoundingApplication application = change.state();
            assertThat(application.state()).isEqualTo(FoundingState.HEARING_SCHEDULED);
            assertThat(application.allowedActions()).containsExactly("cast-ballot", "close-hearing", "withdraw");
            Hearing hearing = application.currentHearing().orElseThrow();
            assertThat(hearing.place()).isEqualTo("Student Centre 201");
            assertThat(hearing.isOpen()).isTrue();
            var summary = payload(change, ClubEventTypes.HEARING_SCHEDULED).application().hearing();
            assertThat(summary.scheduledAt()).isEqualTo(HEARING);
            assertThat(summary.panel()).containsExactly("P001", "P002", "P003");
        }

        @Test
        void beforeTheHearingBeginsNeitherABallotNorTheClosingIsOfferedAndTheRefusalAgrees() {
            FoundingApplication application = scheduled();
            assertThat(application.allowedActions(T0)).containsExactly("withdraw");
            assertThat(application.allowedActions(HEARING)).containsExactly("cast-ballot", "close-hearing", "withdraw");
            assertIllegal(() -> application.castBallot("P001", BallotChoice.APPROVE, null, T0, RULES),
                    "hearing-scheduled", "withdraw");
        }

        @Test
        void onlyAQualifiedOrInconclusiveApplicationIsScheduled() {
            assertIllegal(() -> submitted().scheduleHearing(HEARING, "x", PANEL, REVIEWER, T0, RULES), "submitted",
                    "review", "withdraw");
            assertIllegal(() -> returned().scheduleHearing(HEARING, "x", PANEL, REVIEWER, T0, RULES), "returned",
                    "resubmit", "withdraw");
            assertIllegal(() -> scheduled().scheduleHearing(HEARING, "x", PANEL, REVIEWER, T0, RULES), "hearing-scheduled",
                    "cast-ballot", "close-hearing", "withdraw");
        }

        @Test
        void aHearingInThePastASmallPanelARepeatedMemberOrAnInitiatorOnThePanelIsRefused() {
            FoundingApplication q = qualified();
            assertRule(() -> q.scheduleHearing(T0, "x", PANEL, REVIEWER, T0, RULES), "scheduledAt", "future");
            assertRule(() -> q.scheduleHearing(HEARING, "x", PANEL.subList(0, 2), REVIEWER, T0, RULES), "panel",
                    "at least 3");
            List<PanelMember> repeated = List.of(PANEL.get(0), PANEL.get(1), new PanelMember(" P001 ", "again"));
            assertRule(() -> q.scheduleHearing(HEARING, "x", repeated, REVIEWER, T0, RULES), "panel", "P001",
                    "more than once");
            List<PanelMember> withInitiator = List.of(PANEL.get(0), PANEL.get(1), new PanelMember(SUBMITTER, "self"));
            assertRule(() -> q.scheduleHearing(HEARING, "x", withInitiator, REVIEWER, T0, RULES), "panel", SUBMITTER,
                    "initiator");
        }
    }

    @Nested
    class Ballots {

        @Test
        void aBallotIsRecordedAndTalliedWithoutADecisionUntilTheLastPanelMemberVotes() {
            org.federation.platform.domain.Decision<FoundingApplication> change = vote(scheduled(), "P001", BallotChoice.APPROVE, " convincing ");
            FoundingApplication application = change.state();
            assertThat(change.events()).as("the ballot is a fact of its own, by its voter (issue 19)").singleElement()
                    .satisfies(e -> {
                        assertThat(e.type()).isEqualTo(ClubEventTypes.HEARING_BALLOT_CAST);
                        assertThat(e.actor()).isEqualTo("P001");
                        org.federation.club.contracts.HearingBallotCast cast = (org.federation.club.contracts.HearingBallotCast) e.payload();
                        assertThat(cast.choice()).isEqualTo("approve");
                        assertThat(cast.comment()).isEqualTo("convincing");
                        assertThat(cast.ballotsCast()).isEqualTo(1);
                        assertThat(cast.panelSize()).isEqualTo(3);
                    });
            assertThat(application.state()).isEqualTo(FoundingState.HEARING_SCHEDULED);
            Hearing hearing = application.currentHearing().orElseThrow();
            assertThat(hearing.ballots()).singleElement().satisfies(b -> {
                assertThat(b.panelMember()).isEqualTo("P001");
                assertThat(b.choice()).isEqualTo(BallotChoice.APPROVE);
                assertThat(b.comment()).isEqualTo("convincing");
                assertThat(b.at()).isEqualTo(HEARING.plusSeconds(60));
            });
            assertThat(hearing.tally(RULES)).isEqualTo(new Tally(3, 2, 1, 1, 0, 0, false, "no-quorum"));
            assertThat(application.history().get(application.history().size() - 1).action()).isEqualTo("cast-ballot");
        }

        @Test
        void someoneOffThePanelIsForbidden() {
            assertThatThrownBy(() -> vote(scheduled(), REVIEWER, BallotChoice.APPROVE, null))
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("not on it");
            assertThatThrownBy(() -> vote(scheduled(), SUBMITTER, BallotChoice.APPROVE, null))
                    .isInstanceOf(ForbiddenException.class);
        }

        @Test
        void votingTwiceIsAnIllegalTransitionThatNoLongerOffersAVote() {
            FoundingApplication once = vote(scheduled(), "P001", BallotChoice.REJECT, "no plan").state();
            assertIllegal(() -> vote(once, "P001", BallotChoice.APPROVE, null), "hearing-scheduled",
                    "close-hearing", "withdraw");
        }

        @Test
        void votingBeforeTheHearingBeginsIsAnIllegalTransition() {
            FoundingApplication s = scheduled();
            assertThatThrownBy(() -> s.castBallot("P001", BallotChoice.APPROVE, null, HEARING.minusMillis(1), RULES))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("before the hearing begins");
            assertThat(s.castBallot("P001", BallotChoice.APPROVE, null, HEARING, RULES).state()
                    .currentHearing().orElseThrow().ballots()).as("from the hearing's time on").hasSize(1);
        }

        @Test
        void votingWithoutAHearingOrOnAClosedOneIsAnIllegalTransition() {
            assertIllegal(() -> vote(qualified(), "P001", BallotChoice.APPROVE, null), "qualified",
                    "schedule-hearing", "withdraw");
            FoundingApplication inconclusive = scheduled().closeHearing(REVIEWER, HEARING.plusSeconds(3600), RULES)
                    .state();
            assertIllegal(() -> vote(inconclusive, "P002", BallotChoice.APPROVE, null), "inconclusive",
                    "schedule-hearing", "withdraw");
            assertIllegal(() -> vote(approved(), "P001", BallotChoice.APPROVE, null), "approved", "establish");
        }

        @Test
        void aBallotToRejectSaysWhy() {
            assertRule(() -> vote(scheduled(), "P001", BallotChoice.REJECT, "  "), "comment", "says why");
        }
    }

    @Nested
    class Decision {

        private FoundingApplication votes(List<PanelMember> panel, FoundingRules rules, Function<Integer, BallotChoice> choice,
                                          int ballots) {
            FoundingApplication a = scheduled(panel, rules);
            for (int i = 0; i < ballots; i++) {
                a = a.castBallot(panel.get(i).number(), choice.apply(i), "reason " + i, HEARING.plusSeconds(i), rules)
                        .state();
            }
            return a;
        }

        private List<PanelMember> panelOf(int size) {
            List<PanelMember> panel = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                panel.add(new PanelMember("P10" + i, "Panel " + i));
            }
            return panel;
        }

        @Test
        void theLastBallotDecidesApprovalWithAbstentionsCountedAsCast() {
            org.federation.platform.domain.Decision<FoundingApplication> last = vote(vote(vote(scheduled(), "P001", BallotChoice.APPROVE, null).state(),
                    "P002", BallotChoice.ABSTAIN, null).state(), "P003", BallotChoice.APPROVE, null);
            FoundingApplication approved = last.state();
            assertThat(approved.state()).isEqualTo(FoundingState.APPROVED);
            assertThat(last.events()).as("the last ballot only: announced once the club is established")
                    .extracting(org.federation.platform.domain.DomainEvent::type).containsExactly(ClubEventTypes.HEARING_BALLOT_CAST);
            assertThat(approved.allowedActions()).containsExactly("establish");
            Hearing hearing = approved.currentHearing().orElseThrow();
            assertThat(hearing.outcome()).isEqualTo("approved");
            assertThat(hearing.closedBy()).isEqualTo("P003");
            assertThat(hearing.tally(RULES)).isEqualTo(new Tally(3, 2, 3, 2, 0, 1, true, "approved"));
            assertThat(approved.history()).extracting(FoundingStep::action).endsWith("cast-ballot", "decide");
        }

        @Test
        void aTieIsNoMajorityAndRejectsWithAReapplyDate() {
            // 1 approve, 1 abstain of 2 cast: 1/2 is not more than 1/2
            FoundingApplication a = vote(vote(scheduled(), "P001", BallotChoice.APPROVE, null).state(),
                    "P002", BallotChoice.ABSTAIN, null).state();
            Instant closing = HEARING.plus(Duration.ofHours(2));
            org.federation.platform.domain.Decision<FoundingApplication> change = a.closeHearing(REVIEWER, closing, RULES);

            assertThat(change.state().state()).isEqualTo(FoundingState.REJECTED);
            FoundingApplicationChanged event = payload(change, ClubEventTypes.FOUNDING_REJECTED);
            assertThat(event.reasons()).singleElement().asString().contains("no majority", "1 approve", "1 abstain");
            assertThat(event.reapplyAfter()).isEqualTo(LocalDate.of(2026, 11, 9).plusDays(90));
            assertThat(change.state().reapplyAfter()).isEqualTo(event.reapplyAfter());
            assertThat(change.state().allowedActions()).isEmpty();
        }

        @Test
        void aRejectionGivesTheRejectingBallotsCommentsAsReasons() {
            org.federation.platform.domain.Decision<FoundingApplication> last = vote(vote(vote(scheduled(), "P001", BallotChoice.REJECT, "overlaps the chess club")
                    .state(), "P002", BallotChoice.APPROVE, "fine").state(), "P003", BallotChoice.REJECT,
                    "no budget plan");
            assertThat(last.state().state()).isEqualTo(FoundingState.REJECTED);
            assertThat(last.events()).extracting(org.federation.platform.domain.DomainEvent::type, org.federation.platform.domain.DomainEvent::actor)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ClubEventTypes.HEARING_BALLOT_CAST, "P003"),
                            org.assertj.core.groups.Tuple.tuple(ClubEventTypes.FOUNDING_REJECTED, "P003"));
            assertThat(payload(last.state(), last.events().subList(1, 2), ClubEventTypes.FOUNDING_REJECTED).reasons())
                    .containsExactly("overlaps the chess club", "no budget plan");
            assertThat(last.state().reasons()).containsExactly("overlaps the chess club", "no budget plan");
        }

        @Test
        void closingWithoutAQuorumIsInconclusiveAndANewHearingMayBeScheduled() {
            // panel of 4, quorum 2/3: 3 ballots needed (8/3 rounded up); 2 cast
            List<PanelMember> four = panelOf(4);
            FoundingApplication a = votes(four, RULES, i -> BallotChoice.APPROVE, 2);
            org.federation.platform.domain.Decision<FoundingApplication> change = a.closeHearing(REVIEWER, HEARING.plusSeconds(3600), RULES);

            assertThat(change.state().state()).isEqualTo(FoundingState.INCONCLUSIVE);
            assertThat(payload(change, ClubEventTypes.HEARING_INCONCLUSIVE).reasons()).singleElement().asString()
                    .contains("no quorum", "2 of 4", "3 needed");
            assertThat(change.state().currentHearing().orElseThrow().outcome()).isEqualTo("inconclusive");

            FoundingApplication again = change.state().scheduleHearing(HEARING.plus(Duration.ofDays(7)), "Room 2",
                    PANEL, REVIEWER, HEARING.plusSeconds(7200), RULES).state();
            assertThat(again.state()).isEqualTo(FoundingState.HEARING_SCHEDULED);
            assertThat(again.hearings()).hasSize(2);
            assertThat(again.currentHearing().orElseThrow().ballots()).isEmpty();
        }

        @Test
        void exactlyTheQuorumIsEnough() {
            // panel of 3, quorum 2/3: 2 ballots are a quorum
            FoundingApplication a = votes(PANEL, RULES, i -> BallotChoice.APPROVE, 2);
            assertThat(a.closeHearing(REVIEWER, HEARING.plusSeconds(3600), RULES).state().state())
                    .isEqualTo(FoundingState.APPROVED);
            FoundingApplication one = votes(PANEL, RULES, i -> BallotChoice.APPROVE, 1);
            assertThat(one.closeHearing(REVIEWER, HEARING.plusSeconds(3600), RULES).state().state())
                    .isEqualTo(FoundingState.INCONCLUSIVE);
            FoundingApplication none = scheduled();
            assertThat(none.closeHearing(REVIEWER, HEARING.plusSeconds(3600), RULES).state().state())
                    .isEqualTo(FoundingState.INCONCLUSIVE);
        }

        @Test
        void theMajorityIsStrictAndConfigurable() {
            // panel of 5 all voting: 3 approve, 2 reject is 3/5 > 1/2 but not > 2/3
            List<PanelMember> five = panelOf(5);
            Function<Integer, BallotChoice> threeOfFive = i -> i < 3 ? BallotChoice.APPROVE : BallotChoice.REJECT;
            assertThat(votes(five, RULES, threeOfFive, 5).state()).isEqualTo(FoundingState.APPROVED);
            FoundingRules twoThirds = new FoundingRules(3, 3, Fraction.parse("2/3"), Fraction.parse("2/3"),
                    Period.ofDays(30));
            assertThat(votes(five, twoThirds, threeOfFive, 5).state()).isEqualTo(FoundingState.REJECTED);
            // 2 approve, 2 reject of 4: a tie rejects
            assertThat(votes(panelOf(4), RULES, i -> i < 2 ? BallotChoice.APPROVE : BallotChoice.REJECT, 4).state())
                    .isEqualTo(FoundingState.REJECTED);
            // everyone abstains: no approval, rejected with the tally as reason
            FoundingApplication abstained = votes(PANEL, RULES, i -> BallotChoice.ABSTAIN, 3);
            assertThat(abstained.state()).isEqualTo(FoundingState.REJECTED);
            assertThat(abstained.reasons()).singleElement().asString().contains("3 abstain");
        }

        @Test
        void theQuorumIsConfigurable() {
            FoundingRules all = new FoundingRules(3, 3, Fraction.parse("1"), Fraction.parse("1/2"), Period.ofDays(90));
            FoundingApplication a = votes(PANEL, all, i -> BallotChoice.APPROVE, 2);
            assertThat(a.closeHearing(REVIEWER, HEARING.plusSeconds(3600), all).state().state())
                    .isEqualTo(FoundingState.INCONCLUSIVE);
        }

        @Test
        void closingBeforeTheHearingBeginsOrWhenThereIsNoOpenHearingIsAnIllegalTransition() {
            assertThatThrownBy(() -> scheduled().closeHearing(REVIEWER, HEARING.minusSeconds(1), RULES))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("before it begins");
            assertIllegal(() -> qualified().closeHearing(REVIEWER, HEARING, RULES), "qualified", "schedule-hearing",
                    "withdraw");
            assertIllegal(() -> approved().closeHearing(REVIEWER, HEARING, RULES), "approved", "establish");
        }

        @Test
        void fractionsAreExact() {
            assertThat(Fraction.parse("2/3").ceilingOf(3)).isEqualTo(2);
            assertThat(Fraction.parse("2/3").ceilingOf(4)).isEqualTo(3);
            assertThat(Fraction.parse("2/3").ceilingOf(6)).isEqualTo(4);
            assertThat(Fraction.parse(" 1 / 2 ").isExceededBy(1, 2)).isFalse();
            assertThat(Fraction.parse("1/2").isExceededBy(2, 3)).isTrue();
            assertThat(Fraction.parse("1/2").isExceededBy(0, 0)).isFalse();
            assertThatThrownBy(() -> Fraction.parse("3/2")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Fraction.parse("0/3")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Fraction.parse("two thirds")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Establishment {

        @Test
        void theApprovedApplicationFoundsAClubUnderADerivedIdWithLeadersAndMembersFromTheInitiators() {
            FoundingApplication approved = FoundingApplication.submit("app-9", proposal("Robotics Club",
                            initiators("member", "treasurer", "president", "member")), SUBMITTER, T0, RULES).state()
                    .review(allPass(), CHECKLIST, REVIEWER, T0).state();
            approved = approved.scheduleHearing(HEARING, "Room", PANEL, REVIEWER, T0, RULES).state();
            for (PanelMember m : PANEL) {
                approved = vote(approved, m.number(), BallotChoice.APPROVE, null).state();
            }
            Instant now = HEARING.plusSeconds(120);

            org.federation.platform.domain.Decision<Club> founded = approved.foundClub("P003", now, Period.ofYears(1));

            Club club = founded.state();
            assertThat(club.id()).isEqualTo(approved.clubIdToFound()).isNotEqualTo("app-9");
            assertThat(approved.clubIdToFound()).as("the same id on every retry").isEqualTo(approved.clubIdToFound());
            assertThat(club.state()).isEqualTo(ClubState.ACTIVE);
            assertThat(club.name()).isEqualTo("Robotics Club");
            assertThat(club.foundedOn()).isEqualTo(LocalDate.of(2026, 11, 9));
            assertThat(club.profile().purpose()).isEqualTo("Robots for everyone");
            assertThat(club.profile().facultyAdvisor()).isEqualTo("Prof. Wang");
            assertThat(club.leaders()).extracting(Leader::studentNumber, Leader::role)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("2024000003", "president"),
                            org.assertj.core.groups.Tuple.tuple("2024000002", "treasurer"));
            assertThat(club.memberStudentNumbers()).containsExactly("2024000001", "2024000004");
            assertThat(founded.events()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(ClubEventTypes.ESTABLISHED);
                assertThat(((ClubEstablished) e.payload()).origin()).isEqualTo("founded");
            });

            org.federation.platform.domain.Decision<FoundingApplication> done = approved.markEstablished(club.id(), "P003", now, RULES);
            assertThat(done.state().state()).isEqualTo(FoundingState.ESTABLISHED);
            assertThat(done.state().clubId()).isEqualTo(club.id());
            assertThat(done.events()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(ClubEventTypes.FOUNDING_ANNOUNCED);
                FoundingAnnouncement announcement = (FoundingAnnouncement) e.payload();
                assertThat(announcement.clubId()).isEqualTo(club.id());
                assertThat(announcement.applicationId()).isEqualTo("app-9");
                assertThat(announcement.approvals()).isEqualTo(3);
                assertThat(announcement.approvedOn()).isEqualTo(LocalDate.of(2026, 11, 9));
                assertThat(announcement.leaders()).extracting(l -> l.role()).containsExactly("president", "treasurer");
            });
            org.federation.platform.domain.Decision<FoundingApplication> repeat = done.state().markEstablished(club.id(), "system", now, RULES);
            assertThat(repeat.events()).as("a repeat changes nothing").isEmpty();
            assertThat(repeat.state()).isSameAs(done.state());
        }

        @Test
        void onlyAnApprovedApplicationFoundsAClub() {
            assertIllegal(() -> scheduled().foundClub("x", HEARING, Period.ofYears(1)), "hearing-scheduled",
                    "cast-ballot", "close-hearing", "withdraw");
            assertIllegal(() -> qualified().markEstablished("c", "x", HEARING, RULES), "qualified",
                    "schedule-hearing", "withdraw");
        }

        @Test
        void eventsAboutAnApplicationNeverCarryAClub() {
            for (var component : FoundingApplicationChanged.class.getRecordComponents()) {
                assertThat(component.getName()).isNotEqualTo("club");
            }
            for (var component : FoundingAnnouncement.class.getRecordComponents()) {
                assertThat(component.getName()).isNotEqualTo("club");
            }
        }
    }
}
