package org.federation.platform.printing;

/**
 * A table column: its header, its share of the page's width (relative to the other columns'),
 * and whether its cells are right-aligned (amounts) or left-aligned (text).
 */
public record Column(String header, double weight, boolean rightAligned) {

    public Column {
        if (weight <= 0) {
            throw new IllegalArgumentException("a column's weight must be positive");
        }
    }

    public static Column text(String header, double weight) {
        return new Column(header, weight, false);
    }

    public static Column amount(String header, double weight) {
        return new Column(header, weight, true);
    }
}
