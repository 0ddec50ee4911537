package org.federation.club.founding.domain;

/**
 * A fraction such as 2/3, for the hearing's quorum and majority (exact, no rounding surprises).
 */
public record Fraction(int numerator, int denominator) {

    public Fraction {
        if (denominator <= 0 || numerator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException("a fraction between 0 (exclusive) and 1 (inclusive) is needed, not "
                    + numerator + "/" + denominator);
        }
    }

    /** Reads {@code "2/3"} (or {@code "1"} for a whole). */
    public static Fraction parse(String text) {
        String[] parts = text.strip().split("/");
        try {
            if (parts.length == 1) {
                return new Fraction(Integer.parseInt(parts[0].strip()), 1);
            }
            if (parts.length == 2) {
                return new Fraction(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("'" + text + "' is not a fraction such as 2/3");
    }

    /** The smallest whole number that is at least this fraction of {@code whole}. */
    public int ceilingOf(int whole) {
        return (int) (((long) whole * numerator + denominator - 1) / denominator);
    }

    /** Whether {@code part / whole} is strictly more than this fraction (false when whole is 0). */
    public boolean isExceededBy(int part, int whole) {
        return whole > 0 && (long) part * denominator > (long) numerator * whole;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
