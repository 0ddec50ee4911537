package org.federation.event.training.domain;

import java.text.Collator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.federation.platform.problem.RuleViolationException;

/**
 * How seats are assigned. Every rule is deterministic: the same trainees and layout give the
 * same chart. Rows are numbered from the front; seats from the left.
 */
public enum SeatingRule {

    /**
     * Neighbours in a row (left and right) come from different clubs whenever that is possible: seat
     * by seat, front to back and left to right, the club with the most trainees still unseated that
     * differs from the left neighbour's club takes the seat (ties: the club id). This greedy choice
     * never leaves two of a club side by side when no club has more than half the trainees (rounded up).
     */
    MIX_CLUBS("mix-clubs"),

    /**
     * A team sits together: teams in name order (trainees without a team last), each team's trainees
     * in student-number order, filled in a snake (left to right in row 1, right to left in row 2, …),
     * so a team that does not fit in one row continues directly behind its last seat.
     */
    GROUP_BY_TEAM("group-by-team"),

    /** By name (Chinese collation, then the student number), front to back, left to right. */
    ALPHABETICAL("alphabetical"),

    /** By student number, front to back, left to right. */
    BY_STUDENT_NUMBER("by-student-number");

    private final String id;

    SeatingRule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The rule with this id (422 if there is none). */
    public static SeatingRule of(String id) {
        for (SeatingRule rule : values()) {
            if (rule.id.equals(id)) {
                return rule;
            }
        }
        throw new RuleViolationException("rule", "rule is one of mix-clubs, group-by-team, alphabetical, by-student-number");
    }

    /**
     * Seats {@code trainees} in a layout of {@code rows} × {@code seatsPerRow}: each trainee exactly
     * once, no seat twice; seats left over stay empty at the back.
     *
     * @throws RuleViolationException (422) if the layout is out of range or has fewer seats than trainees
     */
    public SeatingChart assign(List<Trainee> trainees, int rows, int seatsPerRow) {
        TrainingSession.requireLayout(rows, seatsPerRow);
        if (trainees.size() > rows * seatsPerRow) {
            throw new RuleViolationException("rows", trainees.size() + " trainees do not fit in " + rows + " rows of "
                    + seatsPerRow + " seats (" + rows * seatsPerRow + " seats)");
        }
        List<Trainee> byNumber = trainees.stream().sorted(Comparator.comparing(Trainee::studentNumber)).toList();
        Trainee[][] grid = new Trainee[rows][seatsPerRow];
        switch (this) {
            case MIX_CLUBS -> mixClubs(byNumber, grid);
            case GROUP_BY_TEAM -> snake(byTeam(byNumber), grid);
            case ALPHABETICAL -> rowByRow(byName(byNumber), grid);
            case BY_STUDENT_NUMBER -> rowByRow(byNumber, grid);
        }
        List<SeatingChart.Seat> seats = new ArrayList<>(rows * seatsPerRow);
        for (int r = 0; r < rows; r++) {
            for (int s = 0; s < seatsPerRow; s++) {
                seats.add(new SeatingChart.Seat(r + 1, s + 1, grid[r][s]));
            }
        }
        return new SeatingChart(id, rows, seatsPerRow, seats);
    }

    private static void rowByRow(List<Trainee> order, Trainee[][] grid) {
        int across = grid[0].length;
        for (int i = 0; i < order.size(); i++) {
            grid[i / across][i % across] = order.get(i);
        }
    }

    private static void snake(List<Trainee> order, Trainee[][] grid) {
        int across = grid[0].length;
        for (int i = 0; i < order.size(); i++) {
            int row = i / across;
            int offset = i % across;
            grid[row][row % 2 == 0 ? offset : across - 1 - offset] = order.get(i);
        }
    }

    private static List<Trainee> byName(List<Trainee> byNumber) {
        Collator collator = Collator.getInstance(Locale.CHINA);
        return byNumber.stream().sorted(Comparator.comparing(Trainee::name, collator)
                .thenComparing(Trainee::studentNumber)).toList();
    }

    private static List<Trainee> byTeam(List<Trainee> byNumber) {
        TreeMap<String, List<Trainee>> teams = new TreeMap<>();
        List<Trainee> withoutTeam = new ArrayList<>();
        for (Trainee trainee : byNumber) {
            if (trainee.team() == null || trainee.team().isBlank()) {
                withoutTeam.add(trainee);
            } else {
                teams.computeIfAbsent(trainee.team(), t -> new ArrayList<>()).add(trainee);
            }
        }
        List<Trainee> order = new ArrayList<>();
        teams.values().forEach(order::addAll);
        order.addAll(withoutTeam);
        return order;
    }

    private static void mixClubs(List<Trainee> byNumber, Trainee[][] grid) {
        Map<String, Deque<Trainee>> unseated = new LinkedHashMap<>();
        for (Trainee trainee : byNumber) {
            unseated.computeIfAbsent(clubOf(trainee), c -> new ArrayDeque<>()).add(trainee);
        }
        int across = grid[0].length;
        for (int i = 0; i < byNumber.size(); i++) {
            int row = i / across;
            int seat = i % across;
            String left = seat == 0 ? null : clubOf(grid[row][seat - 1]);
            String club = unseated.entrySet().stream()
                    .filter(e -> !e.getValue().isEmpty())
                    .sorted(Comparator.comparing((Map.Entry<String, Deque<Trainee>> e) -> Objects.equals(e.getKey(), left))
                            .thenComparing(e -> -e.getValue().size())
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            grid[row][seat] = unseated.get(club).poll();
        }
    }

    private static String clubOf(Trainee trainee) {
        return trainee.clubId() == null ? "" : trainee.clubId();
    }
}
