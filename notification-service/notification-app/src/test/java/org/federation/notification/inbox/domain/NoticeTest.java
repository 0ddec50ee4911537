package org.federation.notification.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.federation.notification.contracts.NoticeAcknowledged;
import org.federation.notification.contracts.NoticePosted;
import org.federation.notification.contracts.NotificationEventTypes;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.IllegalTransitionException;
import org.junit.jupiter.api.Test;

/** A notice's rules and the events it returns, in plain Java: no application context, no store. */
class NoticeTest {

    private static final Instant POSTED = Instant.parse("2026-10-01T08:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-10-08T16:00:00Z");
    private static final String MEMBER = "person:2024000007";

    private static Notice plain() {
        return new Notice(Notice.idFor("event-1", MEMBER), MEMBER, "club-established", "A new club", "body",
                "club:c-1", POSTED);
    }

    private static Notice direct() {
        return new Notice(Notice.idFor("direct-1", MEMBER), MEMBER, "direct", "Safety rules", "read them", null, POSTED,
                null, "activities", "direct-1", List.of("c-1", "c-2"), DEADLINE, null);
    }

    @Test
    void oneCausePutsANoticeInOneInboxOnlyOnce() {
        assertThat(Notice.idFor("event-1", MEMBER)).isEqualTo(Notice.idFor("event-1", MEMBER))
                .isNotEqualTo(Notice.idFor("event-1", "person:2024000008"))
                .isNotEqualTo(Notice.idFor("event-2", MEMBER));
    }

    @Test
    void postingAnnouncesTheNoticeAsTheDoingOfWhoeverCausedIt() {
        Decision<Notice> posted = direct().post("person:2020000001");
        assertThat(posted.state()).isEqualTo(direct());
        assertThat(posted.events()).hasSize(1);
        DomainEvent event = posted.events().get(0);
        assertThat(event.type()).isEqualTo(NotificationEventTypes.NOTICE_POSTED);
        assertThat(event.actor()).isEqualTo("person:2020000001");
        assertThat(event.payload()).isEqualTo(new NoticePosted(direct().id(), MEMBER, "direct", "Safety rules", null,
                POSTED, "direct-1", DEADLINE));

        assertThat(plain().post(DomainEvent.SYSTEM).events().get(0).actor()).isEqualTo(DomainEvent.SYSTEM);
    }

    @Test
    void readingIsQuietAndARepeatKeepsTheFirstTime() {
        Instant first = POSTED.plusSeconds(60);
        Decision<Notice> read = plain().read(first);
        assertThat(read.events()).isEmpty();
        assertThat(read.state().readAt()).isEqualTo(first);
        assertThat(read.state().read(first.plusSeconds(60)).changesNothing(read.state())).isTrue();
    }

    @Test
    void acknowledgingReadsTheNoticeAndAnnouncesWhoAcknowledgedWhen() {
        Instant at = POSTED.plusSeconds(3600);
        Decision<Notice> acknowledged = direct().acknowledge(MEMBER, at);
        assertThat(acknowledged.state().acknowledgedAt()).isEqualTo(at);
        assertThat(acknowledged.state().readAt()).isEqualTo(at);
        assertThat(acknowledged.events()).hasSize(1);
        DomainEvent event = acknowledged.events().get(0);
        assertThat(event.type()).isEqualTo(NotificationEventTypes.NOTICE_ACKNOWLEDGED);
        assertThat(event.actor()).isEqualTo(MEMBER);
        assertThat(event.payload()).isEqualTo(new NoticeAcknowledged(direct().id(), MEMBER, "direct-1",
                List.of("c-1", "c-2"), MEMBER, at, DEADLINE));
    }

    @Test
    void acknowledgingANoticeAlreadyReadKeepsWhenItWasRead() {
        Instant readAt = POSTED.plusSeconds(60);
        Notice read = direct().read(readAt).state();
        Notice acknowledged = read.acknowledge(MEMBER, readAt.plusSeconds(60)).state();
        assertThat(acknowledged.readAt()).isEqualTo(readAt);
    }

    @Test
    void aRepeatedAcknowledgementChangesNothingAndKeepsTheFirstTime() {
        Notice acknowledged = direct().acknowledge(MEMBER, POSTED.plusSeconds(60)).state();
        assertThat(acknowledged.acknowledge(MEMBER, POSTED.plusSeconds(120)).changesNothing(acknowledged)).isTrue();
    }

    @Test
    void aNoticeThatAsksForNoAcknowledgementCannotBeAcknowledged() {
        assertThat(plain().requiresAcknowledgement()).isFalse();
        assertThat(direct().requiresAcknowledgement()).isTrue();
        assertThatThrownBy(() -> plain().acknowledge(MEMBER, POSTED)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("acknowledging notice " + plain().id());
    }
}
