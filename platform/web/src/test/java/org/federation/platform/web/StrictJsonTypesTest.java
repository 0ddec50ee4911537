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
}
