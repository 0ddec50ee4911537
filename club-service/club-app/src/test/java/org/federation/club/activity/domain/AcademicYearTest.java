package org.federation.club.activity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AcademicYearTest {

    /** An activity at 01:00 on 1 September in Beijing is the new year's, though it is still 31 August in UTC. */
    @Test
    void theAcademicYearStartsOnTheFirstOfSeptemberInBeijing() {
        assertThat(ClubActivity.academicYearOf(Instant.parse("2027-08-31T17:00:00Z"))).isEqualTo("2027-2028");
        assertThat(ClubActivity.academicYearOf(Instant.parse("2027-08-31T15:59:59Z"))).isEqualTo("2026-2027");
        assertThat(ClubActivity.academicYearOf(Instant.parse("2027-01-15T12:00:00Z"))).isEqualTo("2026-2027");
    }
}
