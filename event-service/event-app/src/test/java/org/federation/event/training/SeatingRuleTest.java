package org.federation.event.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.federation.event.training.domain.SeatingChart;
import org.federation.event.training.domain.SeatingRule;
import org.federation.event.training.domain.Trainee;
import org.federation.platform.problem.RuleViolationException;
import org.junit.jupiter.api.Test;

/** The seat assignment rules, on generated classes and layouts. */
class SeatingRuleTest {

    static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");

    static Trainee trainee(int n, String club, String team, String name) {
        return Trainee.enrolled(String.format("2026%04d", n), name, club, "Club " + club, team, NOW);
    }

    /** Trainees from up to 6 clubs and 5 teams (some without a team), with Chinese and Latin names. */
    @Provide
    Arbitrary<List<Trainee>> classes() {
        Arbitrary<String> clubs = Arbitraries.of("c1", "c2", "c3", "c4", "c5", "c6");
        Arbitrary<String> teams = Arbitraries.of("Team A", "Team B", "Team C", "Team D", "Team E").injectNull(0.15);
        Arbitrary<String> names = Arbitraries.of("王伟", "李娜", "张敏", "刘洋", "陈静", "Alice", "Bob", "赵磊");
        return Combinators.combine(clubs, teams, names).as((club, team, name) -> new Object[]{club, team, name})
                .list().ofMinSize(0).ofMaxSize(60).map(rows -> {
                    List<Trainee> trainees = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        Object[] r = rows.get(i);
                        trainees.add(trainee(i + 1, (String) r[0], (String) r[1], (String) r[2]));
                    }
                    Collections.shuffle(trainees, new java.util.Random(rows.size()));
                    return trainees;
                });
    }

    @Provide
    Arbitrary<SeatingRule> rules() {
        return Arbitraries.of(SeatingRule.values());
    }

    @Property(tries = 300)
    void everyTraineeIsSeatedExactlyOnceAndNoSeatTwice(@ForAll("classes") List<Trainee> trainees,
                                                      @ForAll("rules") SeatingRule rule,
                                                      @ForAll @IntRange(min = 1, max = 12) int seatsPerRow) {
        int rows = Math.max(1, (trainees.size() + seatsPerRow - 1) / seatsPerRow) + (trainees.size() % 3);
        Assume.that(rows <= 50);
        SeatingChart chart = rule.assign(trainees, rows, seatsPerRow);

        assertThat(chart.seats()).hasSize(rows * seatsPerRow);
        Set<String> places = chart.seats().stream().map(s -> s.row() + "/" + s.seat()).collect(Collectors.toSet());
        assertThat(places).as("no seat twice").hasSize(rows * seatsPerRow);
        List<String> seated = chart.seats().stream().filter(s -> s.trainee() != null)
                .map(s -> s.trainee().studentNumber()).toList();
        assertThat(seated).as("each trainee exactly once")
                .containsExactlyInAnyOrderElementsOf(trainees.stream().map(Trainee::studentNumber).toList());
    }

    @Property(tries = 200)
    void theSameInputGivesTheSameChart(@ForAll("classes") List<Trainee> trainees, @ForAll("rules") SeatingRule rule) {
        List<Trainee> reversed = new ArrayList<>(trainees);
        Collections.reverse(reversed);
        assertThat(rule.assign(reversed, 10, 8)).isEqualTo(rule.assign(trainees, 10, 8));
    }

    @Property(tries = 300)
    void mixClubsSeatsNoTwoOfAClubSideBySideWhenThatIsPossible(@ForAll("classes") List<Trainee> trainees,
                                                              @ForAll @IntRange(min = 2, max = 12) int seatsPerRow) {
        long largestClub = trainees.stream().collect(Collectors.groupingBy(Trainee::clubId, Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
        Assume.that(largestClub <= (trainees.size() + 1) / 2); // possible even in one long row
        int rows = Math.max(1, (trainees.size() + seatsPerRow - 1) / seatsPerRow);
        SeatingChart chart = SeatingRule.MIX_CLUBS.assign(trainees, rows, seatsPerRow);

        for (int r = 1; r <= rows; r++) {
            List<SeatingChart.Seat> row = chart.row(r);
            for (int s = 1; s < row.size(); s++) {
                Trainee left = row.get(s - 1).trainee();
                Trainee right = row.get(s).trainee();
                if (left != null && right != null) {
                    assertThat(right.clubId()).as("row %d seats %d and %d", r, s, s + 1).isNotEqualTo(left.clubId());
                }
            }
        }
    }

    @Test
    void mixClubsKeepsAsFewSameClubNeighboursAsItCanWhenOneClubDominates() {
        List<Trainee> trainees = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            trainees.add(trainee(i, "big", null, "B" + i));
        }
        trainees.add(trainee(8, "small", null, "S1"));
        trainees.add(trainee(9, "small", null, "S2"));
        SeatingChart chart = SeatingRule.MIX_CLUBS.assign(trainees, 1, 9);
        List<String> clubs = chart.row(1).stream().map(s -> s.trainee().clubId()).toList();
        assertThat(clubs).containsExactly("big", "small", "big", "small", "big", "big", "big", "big", "big");
    }

    @Property(tries = 300)
    void groupByTeamSeatsEachTeamContiguously(@ForAll("classes") List<Trainee> trainees,
                                             @ForAll @IntRange(min = 2, max = 12) int seatsPerRow) {
        int rows = Math.max(1, (trainees.size() + seatsPerRow - 1) / seatsPerRow);
        SeatingChart chart = SeatingRule.GROUP_BY_TEAM.assign(trainees, rows, seatsPerRow);

        // walked as a snake (row 1 left to right, row 2 right to left, …) each team is one unbroken run,
        // so consecutive seats of a team are side by side or directly one behind the other
        List<String> walk = new ArrayList<>();
        for (int r = 1; r <= rows; r++) {
            List<SeatingChart.Seat> row = new ArrayList<>(chart.row(r));
            if (r % 2 == 0) {
                Collections.reverse(row);
            }
            row.stream().filter(s -> s.trainee() != null).forEach(s -> walk.add(String.valueOf(s.trainee().team())));
        }
        Set<String> finished = new HashSet<>();
        for (int i = 0; i < walk.size(); i++) {
            String team = walk.get(i);
            assertThat(finished).as("team %s appears again after another team", team).doesNotContain(team);
            if (i + 1 < walk.size() && !walk.get(i + 1).equals(team)) {
                finished.add(team);
            }
        }
    }

    @Test
    void aTeamThatRunsOverARowContinuesDirectlyBehind() {
        List<Trainee> trainees = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            trainees.add(trainee(i, "c" + i, "Team A", "A" + i));
        }
        trainees.add(trainee(6, "c6", "Team B", "B1"));
        SeatingChart chart = SeatingRule.GROUP_BY_TEAM.assign(trainees, 2, 4);
        assertThat(chart.row(1)).extracting(s -> s.trainee().team()).containsOnly("Team A");
        assertThat(chart.row(2).get(3).trainee().team()).as("behind the last seat of row 1").isEqualTo("Team A");
        assertThat(chart.row(2).get(2).trainee().team()).isEqualTo("Team B");
        assertThat(chart.row(2).get(0).trainee()).isNull();
    }

    @Test
    void alphabeticalAndByStudentNumberFillFrontToBackLeftToRight() {
        List<Trainee> trainees = List.of(trainee(3, "c1", null, "Carol"), trainee(1, "c1", null, "Bob"),
                trainee(2, "c2", null, "Alice"));
        Function<SeatingChart, List<String>> names = c -> c.seats().stream()
                .map(s -> s.trainee() == null ? "-" : s.trainee().name()).toList();
        assertThat(names.apply(SeatingRule.ALPHABETICAL.assign(trainees, 2, 2))).containsExactly("Alice", "Bob", "Carol", "-");
        assertThat(names.apply(SeatingRule.BY_STUDENT_NUMBER.assign(trainees, 2, 2))).containsExactly("Bob", "Alice", "Carol", "-");
    }

    @Test
    void chineseNamesAreOrderedByTheirReading() {
        List<Trainee> trainees = List.of(trainee(1, "c1", null, "张敏"), trainee(2, "c1", null, "李娜"),
                trainee(3, "c1", null, "王伟"));
        List<String> names = SeatingRule.ALPHABETICAL.assign(trainees, 1, 3).seats().stream()
                .map(s -> s.trainee().name()).toList();
        assertThat(names).containsExactly("李娜", "王伟", "张敏"); // li, wang, zhang
    }

    @Property(tries = 100)
    void moreTraineesThanSeatsIsRefused(@ForAll("rules") SeatingRule rule, @ForAll @IntRange(min = 1, max = 5) int rows,
                                        @ForAll @IntRange(min = 1, max = 5) int seatsPerRow) {
        List<Trainee> trainees = new ArrayList<>();
        for (int i = 1; i <= rows * seatsPerRow + 1; i++) {
            trainees.add(trainee(i, "c" + (i % 3), null, "N" + i));
        }
        assertThatThrownBy(() -> rule.assign(trainees, rows, seatsPerRow)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("do not fit");
    }

    @Test
    void layoutsOutOfRangeAndUnknownRulesAreRefused() {
        assertThatThrownBy(() -> SeatingRule.MIX_CLUBS.assign(List.of(), 0, 5)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> SeatingRule.MIX_CLUBS.assign(List.of(), 5, 51)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> SeatingRule.of("random")).isInstanceOf(RuleViolationException.class);
        assertThat(SeatingRule.of("group-by-team")).isEqualTo(SeatingRule.GROUP_BY_TEAM);
        Map<String, SeatingRule> byId = new HashMap<>();
        for (SeatingRule rule : SeatingRule.values()) {
            byId.put(rule.id(), rule);
        }
        assertThat(byId).containsOnlyKeys("mix-clubs", "group-by-team", "alphabetical", "by-student-number");
    }
}
