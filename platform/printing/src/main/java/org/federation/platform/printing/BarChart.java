package org.federation.platform.printing;

import java.util.List;
import java.util.function.LongFunction;

/**
 * A horizontal grouped bar chart: one group per label (a category), one bar per series (income,
 * spending), each bar labelled with its value as {@code valueLabel} writes it. Values are whole
 * numbers (fen, people), never negative.
 */
public record BarChart(String title, List<String> series, List<Group> groups, LongFunction<String> valueLabel) {

    public BarChart {
        series = List.copyOf(series);
        groups = List.copyOf(groups);
        for (Group group : groups) {
            if (group.values().size() != series.size()) {
                throw new IllegalArgumentException("group " + group.label() + " has " + group.values().size()
                        + " values for " + series.size() + " series");
            }
        }
    }

    /** One label's values, in the order of the chart's series. */
    public record Group(String label, List<Long> values) {

        public Group {
            values = List.copyOf(values);
            if (values.stream().anyMatch(v -> v < 0)) {
                throw new IllegalArgumentException("bar values cannot be negative: " + label);
            }
        }
    }

    long largest() {
        return groups.stream().flatMap(g -> g.values().stream()).mapToLong(Long::longValue).max().orElse(0);
    }
}
