package org.federation.event.training.domain;

import java.util.List;

/**
 * Seats assigned by a {@link SeatingRule}: every seat of the layout in order (row 1 is the front
 * row, seat 1 the leftmost), each with its trainee or empty.
 */
public record SeatingChart(String rule, int rows, int seatsPerRow, List<Seat> seats) {

    public SeatingChart {
        seats = List.copyOf(seats);
    }

    /** One seat; {@code trainee} is null for an empty seat. */
    public record Seat(int row, int seat, Trainee trainee) {
    }

    /** The seats of one row (1-based), left to right. */
    public List<Seat> row(int row) {
        return seats.subList((row - 1) * seatsPerRow, row * seatsPerRow);
    }

    /** The seat a student sits in, or null if they have none. */
    public Seat seatOf(String studentNumber) {
        return seats.stream().filter(s -> s.trainee() != null && s.trainee().studentNumber().equals(studentNumber))
                .findFirst().orElse(null);
    }
}
