package org.federation.platform.web;

import java.beans.PropertyEditorSupport;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The dates and times a request may carry. ISO text also reads {@code +999999999-12-31}, which fails
 * far from the request (the next day of it does not exist; a moment that far has no MongoDB date):
 * refused at the door, it is a 400 naming the field or parameter, never a 500.
 * <ul>
 *   <li>query and path parameters of type {@link LocalDate} and {@link Instant} ({@link Parameters}): the
 *       years 1 to 9999, ISO 8601's four-digit years;</li>
 *   <li>JSON ({@link StrictJsonTypes}): what a MongoDB date can hold, about 290 million years either side of
 *       1970. Wider than the parameters' years because the same reader takes the events of the topics,
 *       and an event of a record stored before (an activity ending in the year 10000) must still be read.</li>
 * </ul>
 */
public final class AcceptedDates {

    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;
    static final String RANGE = "years " + FIRST_YEAR + " to " + LAST_YEAR;
    private static final Instant FIRST_MOMENT = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END_OF_LAST_YEAR = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    /** Years a MongoDB date holds (milliseconds since 1970 in 64 bits reach the year 292,278,994), with a margin. */
    static final int STORABLE_YEARS = 290_000_000;
    static final String STORABLE = "the dates a record can hold (years -290,000,000 to 290,000,000)";
    private static final Instant FIRST_STORABLE = Instant.ofEpochMilli(Long.MIN_VALUE);
    private static final Instant LAST_STORABLE = Instant.ofEpochMilli(Long.MAX_VALUE);

    private AcceptedDates() {
    }

    /** Whether a date or time value (of any {@code java.time} type with a year) lies in the accepted years. */
    static boolean accepts(Object value) {
        if (value instanceof Instant instant) {
            // an Instant reaches years no LocalDateTime holds: compared as a moment, not converted
            return !instant.isBefore(FIRST_MOMENT) && instant.isBefore(END_OF_LAST_YEAR);
        }
        Integer year = yearOf(value);
        return year == null || (year >= FIRST_YEAR && year <= LAST_YEAR);
    }

    /** Whether a date or time value (of any {@code java.time} type with a year) fits a MongoDB date. */
    static boolean storable(Object value) {
        if (value instanceof Instant instant) {
            return !instant.isBefore(FIRST_STORABLE) && !instant.isAfter(LAST_STORABLE);
        }
        Integer year = yearOf(value);
        return year == null || Math.abs(year) <= STORABLE_YEARS;
    }

    private static Integer yearOf(Object value) {
        if (value instanceof LocalDate date) {
            return date.getYear();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.getYear();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.getYear();
        }
        if (value instanceof ZonedDateTime dateTime) {
            return dateTime.getYear();
        }
        if (value instanceof YearMonth month) {
            return month.getYear();
        }
        return null;
    }

    /** Query and path parameters: ISO text within the accepted years, else a 400 naming the parameter. */
    @ControllerAdvice
    static class Parameters {

        @InitBinder
        void acceptedDates(WebDataBinder binder) {
            binder.registerCustomEditor(LocalDate.class, new Iso(LocalDate::parse));
            binder.registerCustomEditor(Instant.class, new Iso(Instant::parse));
        }
    }

    static final class Iso extends PropertyEditorSupport {

        private final Function<String, Object> parse;

        Iso(Function<String, Object> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            Object value;
            try {
                value = parse.apply(text.strip());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO date or time", e);
            }
            if (!accepts(value)) {
                throw new IllegalArgumentException("'" + text + "' is outside the accepted " + RANGE);
            }
            setValue(value);
        }
    }
}
