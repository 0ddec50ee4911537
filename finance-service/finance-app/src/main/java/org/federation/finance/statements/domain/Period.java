package org.federation.finance.statements.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.federation.platform.problem.RuleViolationException;

/**
 * A statement's period: a month ({@code 2026-10}) or a semester. The autumn semester
 * {@code 2026-autumn} runs from 1 September 2026 to the end of January 2027, the spring semester
 * {@code 2027-spring} from 1 February to the end of August 2027. Periods of one kind follow each
 * other without gaps, so each kind forms one chain of statements per account.
 *
 * @param name the period's name
 * @param kind {@code month} or {@code semester}
 * @param from its first day
 * @param to   the first day after it
 */
public record Period(String name, String kind, LocalDate from, LocalDate to) {

    public static final String MONTH = "month";
    public static final String SEMESTER = "semester";
    public static final List<String> KINDS = List.of(MONTH, SEMESTER);

    private static final Pattern MONTH_NAME = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern SEMESTER_NAME = Pattern.compile("(\\d{4})-(autumn|spring)");

    /** Reads a period name; 422 naming {@code period} if it is neither a month nor a semester. */
    public static Period parse(String name) {
        if (name != null) {
            Matcher month = MONTH_NAME.matcher(name);
            if (month.matches()) {
                try {
                    return month(YearMonth.parse(name));
                } catch (DateTimeParseException e) {
                    // falls through to the refusal
                }
            }
            Matcher semester = SEMESTER_NAME.matcher(name);
            if (semester.matches()) {
                return semester(Integer.parseInt(semester.group(1)), semester.group(2));
            }
        }
        throw new RuleViolationException("period", "must be a month such as 2026-10 or a semester such as 2026-autumn"
                + " or 2027-spring");
    }

    public static Period month(YearMonth month) {
        return new Period(month.toString(), MONTH, month.atDay(1), month.plusMonths(1).atDay(1));
    }

    static Period semester(int year, String season) {
        return "autumn".equals(season)
                ? new Period(year + "-autumn", SEMESTER, LocalDate.of(year, 9, 1), LocalDate.of(year + 1, 2, 1))
                : new Period(year + "-spring", SEMESTER, LocalDate.of(year, 2, 1), LocalDate.of(year, 9, 1));
    }

    /** The month containing this date. */
    public static Period monthOf(LocalDate date) {
        return month(YearMonth.from(date));
    }

    /** The semester containing this date. */
    public static Period semesterOf(LocalDate date) {
        int month = date.getMonthValue();
        if (month >= 9) {
            return semester(date.getYear(), "autumn");
        }
        if (month == 1) {
            return semester(date.getYear() - 1, "autumn");
        }
        return semester(date.getYear(), "spring");
    }

    /** Every period containing this date, one per kind. */
    public static List<Period> containing(LocalDate date) {
        return List.of(monthOf(date), semesterOf(date));
    }

    /** The period of the same kind right before this one. */
    public Period previous() {
        LocalDate dayBefore = from.minusDays(1);
        return MONTH.equals(kind) ? monthOf(dayBefore) : semesterOf(dayBefore);
    }

    public Period next() {
        return MONTH.equals(kind) ? monthOf(to) : semesterOf(to);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && date.isBefore(to);
    }

    /** The id of an account's statement for this period. */
    public String statementId(String accountId) {
        return "stmt-" + accountId + "-" + name;
    }
}
