package org.federation.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** Issue 24, point 6: a JSON value of the wrong type is refused, never read as a plausible fact. */
class StrictJsonTypesTest {

    record Founding(LocalDate foundedOn) {
    }

    record Times(Instant at, LocalTime startsAt, OffsetDateTime when, YearMonth month, Year year) {
    }

    record Amount(long amountFen, Integer capacity, BigDecimal rating, boolean quorumReached) {
    }

    private final JsonMapper json = StrictJsonTypes.apply(JsonMapper.builder()).build();

    @ParameterizedTest
    @ValueSource(strings = {"123", "-1", "12.5", "[2026,10,31]", "[]", "{}", "true"})
    void a_date_is_iso_text_only(String value) {
        assertThatThrownBy(() -> json.readValue("{\"foundedOn\":" + value + "}", Founding.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"at\":1700000000}", "{\"at\":1.5}", "{\"startsAt\":3600}", "{\"startsAt\":[10,0]}",
            "{\"when\":0}", "{\"month\":[2026,10]}", "{\"month\":202610}"})
    void times_are_iso_text_only(String body) {
        assertThatThrownBy(() -> json.readValue(body, Times.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void iso_text_still_reads() {
        assertThat(json.readValue("{\"foundedOn\":\"2026-10-31\"}", Founding.class).foundedOn())
                .isEqualTo(LocalDate.of(2026, 10, 31));
        Times times = json.readValue("{\"at\":\"2026-10-31T08:00:00Z\",\"startsAt\":\"10:30\","
                + "\"when\":\"2026-10-31T08:00:00+08:00\",\"month\":\"2026-10\",\"year\":2026}", Times.class);
        assertThat(times.at()).isEqualTo(Instant.parse("2026-10-31T08:00:00Z"));
        assertThat(times.startsAt()).isEqualTo(LocalTime.of(10, 30));
        assertThat(times.month()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(times.year()).isEqualTo(Year.of(2026));
        assertThat(json.readValue("{\"foundedOn\":null}", Founding.class).foundedOn()).isNull();
    }

    @Test
    void what_is_written_reads_back() {
        Times times = new Times(Instant.parse("2026-10-31T08:00:00Z"), LocalTime.NOON,
                OffsetDateTime.parse("2026-10-31T08:00:00+08:00"), YearMonth.of(2026, 1), Year.of(2026));
        assertThat(json.readValue(json.writeValueAsString(times), Times.class).at()).isEqualTo(times.at());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"amountFen\":12.5}", "{\"amountFen\":\"1250\"}", "{\"capacity\":\"10\"}",
            "{\"capacity\":10.0}", "{\"rating\":\"4\"}", "{\"quorumReached\":3}"})
    void amounts_counts_and_answers_are_their_own_json_type(String body) {
        assertThatThrownBy(() -> json.readValue(body, Amount.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void right_types_read() {
        Amount amount = json.readValue("{\"amountFen\":1250,\"capacity\":10,\"rating\":4.5,\"quorumReached\":true}",
                Amount.class);
        assertThat(amount).isEqualTo(new Amount(1250, 10, new BigDecimal("4.5"), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"foundedOn\":\"+999999999-12-31\"}", "{\"foundedOn\":\"-999999999-01-01\"}",
            "{\"foundedOn\":\"+300000000-01-01\"}"})
    void a_date_no_record_can_hold_is_refused_naming_the_field(String body) {
        assertThatThrownBy(() -> json.readValue(body, Founding.class))
                .isInstanceOf(tools.jackson.databind.exc.InvalidFormatException.class)
                .hasMessageContaining("dates a record can hold");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"at\":\"+1000000000-01-01T00:00:00Z\"}", "{\"at\":\"-300000000-01-01T00:00:00Z\"}",
            "{\"when\":\"+300000000-01-01T00:00:00+08:00\"}", "{\"month\":\"+300000000-01\"}"})
    void a_time_no_record_can_hold_is_refused(String body) {
        assertThatThrownBy(() -> json.readValue(body, Times.class))
                .isInstanceOf(tools.jackson.databind.exc.InvalidFormatException.class);
    }

    @Test
    void dates_a_record_can_hold_read_even_beyond_four_digit_years() {
        // the same reader takes the topics' events, and an activity stored ending in the year 10000 must still read
        assertThat(json.readValue("{\"foundedOn\":\"0001-01-01\"}", Founding.class).foundedOn()).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(json.readValue("{\"foundedOn\":\"+10000-01-01\"}", Founding.class).foundedOn())
                .isEqualTo(LocalDate.of(10_000, 1, 1));
        assertThat(json.readValue("{\"at\":\"+10000-01-01T00:00:00Z\"}", Times.class).at())
                .isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
    }

    @Test
    void parameters_are_iso_text_within_the_accepted_years() {
        AcceptedDates.Iso dates = new AcceptedDates.Iso(LocalDate::parse);
        dates.setAsText("2026-10-31");
        assertThat(dates.getValue()).isEqualTo(LocalDate.of(2026, 10, 31));
        dates.setAsText("");
        assertThat(dates.getValue()).isNull();
        assertThatThrownBy(() -> dates.setAsText("+999999999-12-31")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("years 1 to 9999");
        assertThatThrownBy(() -> dates.setAsText("31/10/2026")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an ISO date");
        AcceptedDates.Iso moments = new AcceptedDates.Iso(Instant::parse);
        assertThatThrownBy(() -> moments.setAsText("+1000000000-01-01T00:00:00Z")).isInstanceOf(IllegalArgumentException.class);
    }
}
