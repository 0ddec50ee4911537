package org.federation.notification.escalation.domain;


import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.federation.notification.directory.domain.Names;
import org.federation.notification.escalation.domain.Escalation;
import org.federation.notification.inbox.domain.Notice;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, point 1: an escalation names the club and the people who did not acknowledge, never
 * their ids. Before the fix its title read "Unacknowledged: … (club 3f2b8c1e-…)" and its body
 * listed {@code person:<number>} ids.
 */
class EscalationNoticeTextTest {

    static final String CLUB = "3f2b8c1e-5a4d-4e6f-9b0a-1c2d3e4f5a6b";
    static final Instant DEADLINE = Instant.parse("2026-12-05T11:00:00Z");

    static Escalation escalation(String clubId, String group, List<String> recipients) {
        return new Escalation("dn-1:" + group, "dn-1", "organization", "Club exchange conference", group, clubId, recipients,
                DEADLINE, DEADLINE.plusSeconds(3600), Escalation.WAITING, List.of(), null, null);
    }

    @Test
    void anEscalationNamesTheClubAndItsPeople() {
        Names names = Names.of(Map.of(CLUB, "国际象棋社"), Map.of("2023020001", "王小明", "2023020002", "李华"));
        Notice notice = escalation(CLUB, "club:" + CLUB, List.of("person:2023020001",
                "person:2023020002")).noticeOf(new Escalation.Step(Escalation.LIAISON_STEP, List.of("person:9"), DEADLINE),
                "person:9", DEADLINE, names);
        assertThat(notice.title()).isEqualTo("Unacknowledged: Club exchange conference (国际象棋社)");
        assertThat(notice.body()).contains("nobody of 国际象棋社 (王小明 and 李华) has acknowledged it")
                .contains("due to be acknowledged by 2026-12-05 19:00 (Beijing time)").doesNotContain("T11:00")
                .doesNotContain(CLUB).doesNotContain("2023020001").doesNotContain("person:");
        assertThat(notice.subjectRef()).isEqualTo("direct-notice:dn-1");
    }

    @Test
    void aClubOrPersonNotKnownYetIsSaidNeutrally() {
        Names nobody = Names.of(Map.of(), Map.of());
        Notice toClub = escalation(CLUB, "club:" + CLUB, List.of("person:2023020001")).noticeOf(new Escalation.Step(Escalation.HEAD_STEP, List.of("person:9"), DEADLINE), "person:9", DEADLINE, nobody);
        assertThat(toClub.title()).isEqualTo("Unacknowledged: Club exchange conference (a club)");
        assertThat(toClub.body()).doesNotContain(CLUB).doesNotContain("2023020001");
        Notice toPerson = escalation(null, "person:2023020001", List.of("person:2023020001")).noticeOf(new Escalation.Step(Escalation.HEAD_STEP, List.of("person:9"), DEADLINE), "person:9", DEADLINE, nobody);
        assertThat(toPerson.title()).isEqualTo("Unacknowledged: Club exchange conference (one person)");
        assertThat(toPerson.body()).doesNotContain("2023020001");
    }
}
