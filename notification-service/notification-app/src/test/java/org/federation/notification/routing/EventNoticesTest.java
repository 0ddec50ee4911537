package org.federation.notification.routing;

import org.federation.notification.routing.application.ClubEventNotices;
import org.federation.notification.routing.domain.Routed;
import org.federation.notification.routing.application.GenericEventNotices;
import org.federation.notification.routing.domain.NoticeKinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.federation.notification.directory.domain.Names;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.federation.platform.messaging.MalformedEventException;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Routing decisions without Spring, Kafka or MongoDB: what an event says as a notice, and the ids that deduplicate it. */
class EventNoticesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final InboundEvents INBOUND = new InboundEvents(JSON);
    /** What the directory knows: clubs and people by name. */
    static final Names NAMES = Names.of(java.util.Map.of("c1", "Go club", "club-acmore", "acmore编程协会", "a", "围棋社",
            "b", "象棋社"), java.util.Map.of("2026000001", "张三", "2024000001", "李四"));

    static EventEnvelope event(String id, String type, String subject, String payload) {
        return new EventEnvelope(id, type, "/club-service", subject, Instant.parse("2026-11-20T10:00:00Z"), "system", 2, payload);
    }

    @Test
    void oneCauseAndOneRecipientAlwaysMakeTheSameNoticeIdAndAnythingElseAnother() {
        assertThat(Notice.idFor("event-1", "person:1")).isEqualTo(Notice.idFor("event-1", "person:1"));
        assertThat(Notice.idFor("event-1", "person:1")).isNotEqualTo(Notice.idFor("event-1", "person:2"))
                .isNotEqualTo(Notice.idFor("event-2", "person:1"));
        assertThat(Notice.idFor("event-1", "person:1")).matches("[0-9a-f-]{36}");
    }

    /** Issue 19: the new club and ledger facts are subscribable kinds, for their subscribers only. */
    @Test
    void ballotsCredentialsLateRegistrationsAndLedgerFactsAreSubscribableKindsForSubscribersOnly() {
        Routed ballot = ClubEventNotices.of(event("e1", "org.federation.club.hearing-ballot-cast.v1", "app-1", """
                {"application":{"id":"app-1","proposedName":"Go Club","category":"other","state":"hearing-scheduled",
                 "initiators":["1"]},"panelMember":"P1","choice":"approve","castAt":"2026-11-20T10:00:00Z",
                 "ballotsCast":2,"panelSize":5}"""), INBOUND, NAMES).orElseThrow();
        assertThat(ballot.kind()).isEqualTo("hearing-ballot-cast");
        assertThat(ballot.body()).contains("2 of 5");
        assertThat(ballot.subjectRef()).isEqualTo("founding-application:app-1");
        assertThat(ballot.persons()).isEmpty();
        Routed credential = ClubEventNotices.of(event("e2", "org.federation.club.credential-issued.v1", "jti-1", """
                {"credentialId":"jti-1","clubId":"c1","holder":"2026000001","role":"member","keyId":"k1",
                 "issuedAt":"2026-11-20T10:00:00Z","validUntil":"2027-05-20T10:00:00Z"}"""), INBOUND, NAMES).orElseThrow();
        assertThat(credential.kind()).isEqualTo("credential-issued");
        assertThat(credential.clubIds()).isEmpty();
        Routed late = ClubEventNotices.of(event("e3", "org.federation.club.late-registration-submitted.v1", "c1", """
                {"club":{"id":"c1","name":"Chess","category":"sports","state":"unregistered","leaders":[],
                 "memberStudentNumbers":[]},"academicYear":"2026-2027","changedFields":[]}"""), INBOUND, NAMES).orElseThrow();
        assertThat(late.kind()).isEqualTo("late-registration-submitted");
        assertThat(late.clubIds()).as("not the club's leaders: they submitted it").isEmpty();

        Routed fee = GenericEventNotices.of(event("e4", "org.federation.finance.fee-payment-recorded.v1", "fees-b1-2026-11-20",
                "{\"clubId\":\"c1\",\"academicYear\":\"2026-2027\",\"totalFen\":5000}"),
                JSON.readTree("{\"clubId\":\"c1\"}"), NAMES).orElseThrow();
        assertThat(fee.kind()).isEqualTo("fee-payment-recorded");
        assertThat(fee.clubIds()).isEmpty();
        assertThat(fee.subjectRef()).isEqualTo("transaction:fees-b1-2026-11-20");
        for (String kind : List.of("transaction-posted", "transaction-reversed", "sponsorship-receipt-recorded",
                "training-class-created", "training-class-changed", "trainee-enrolled", "credential-issued")) {
            assertThat(NoticeKinds.of(kind)).as(kind).isPresent();
        }
        assertThat(GenericEventNotices.of(event("e5", "org.federation.finance.transaction-posted.v1", "t1", "{}"),
                JSON.readTree("{}"), NAMES).orElseThrow().kind()).isEqualTo("transaction-posted");
        assertThat(NoticeKinds.defaultsFor("department:organization")).contains("late-registration-submitted",
                "hearing-ballot-cast");
        assertThat(NoticeKinds.defaultsFor("department:finance")).contains("transaction-reversed")
                .doesNotContain("transaction-posted");
        assertThat(NoticeKinds.defaultsFor("department:external-relations")).containsExactly("sponsorship-receipt-recorded");
    }

    @Test
    void financesBudgetDecisionsAndStatementsReachTheClubTheyAreAbout() {
        Routed budget = GenericEventNotices.of(event("e7", "org.federation.finance.budget-decided.v1", "activity-9",
                "{\"budget\":{\"activityId\":\"activity-9\",\"title\":\"算法竞赛训练营\",\"clubId\":\"club-acmore\"},"
                        + "\"decision\":\"partly-approved\"}"), JSON.readTree(
                "{\"budget\":{\"activityId\":\"activity-9\",\"title\":\"算法竞赛训练营\",\"clubId\":\"club-acmore\"},"
                        + "\"decision\":\"partly-approved\"}"), NAMES).orElseThrow();
        assertThat(budget.clubIds()).containsExactly("club-acmore");
        assertThat(budget.title()).contains("算法竞赛训练营");
        assertThat(budget.subjectRef()).isEqualTo("activity:activity-9");
        String statement = "{\"statementId\":\"st-1\",\"accountId\":\"acct-club-acmore\",\"clubId\":\"club-acmore\","
                + "\"accountName\":\"acmore编程协会\",\"period\":\"2026-10\"}";
        Routed published = GenericEventNotices.of(event("e8", "org.federation.finance.statement-published.v1", "st-1",
                statement), JSON.readTree(statement), NAMES).orElseThrow();
        assertThat(published.clubIds()).containsExactly("club-acmore");
        assertThat(published.title()).contains("acmore编程协会");
        assertThat(published.subjectRef()).isEqualTo("statement:st-1");
        String closed = "{\"budget\":{\"activityId\":\"activity-9\",\"title\":\"算法竞赛训练营\",\"clubId\":\"club-acmore\","
                + "\"state\":\"closed\"},\"releasedFen\":1200,\"cause\":\"claim-window-passed\",\"reason\":\"ended\"}";
        Routed released = GenericEventNotices.of(event("e9", "org.federation.finance.budget-closed.v1", "activity-9",
                closed), JSON.readTree(closed), NAMES).orElseThrow();
        assertThat(released.kind()).isEqualTo("budget-closed");
        assertThat(released.clubIds()).containsExactly("club-acmore");
        assertThat(released.subjectRef()).isEqualTo("activity:activity-9");
    }

    @Test
    void aSuspensionConcernsTheClubsLeadersAndCarriesTheReason() {
        Routed routed = ClubEventNotices.of(event("e1", "org.federation.club.suspended.v1", "c1", """
                {"club":{"id":"c1","name":"网球协会","category":"sports","state":"suspended","leaders":[]},
                 "previousState":"active","reason":"no activity for a year"}"""), INBOUND, NAMES).orElseThrow();
        assertThat(routed.kind()).isEqualTo("club-suspended");
        assertThat(routed.title()).isEqualTo("Club suspended: 网球协会");
        assertThat(routed.body()).contains("no activity for a year");
        assertThat(routed.clubIds()).containsExactly("c1");
        assertThat(routed.cause()).isEqualTo("e1");
    }

    @Test
    void aMergerIsOneCauseWhicheverClubsEventTellsIt() {
        String payload = """
                {"club":{"id":"%s","name":"n","state":"merged"},"successor":{"id":"s","name":"United","state":"active"},
                 "mergedAwayIds":["a","b"],"mergerId":"m1"}""";
        Routed fromA = ClubEventNotices.of(event("e1", "org.federation.club.merged.v1", "a", payload.formatted("a")), INBOUND, NAMES).orElseThrow();
        Routed fromB = ClubEventNotices.of(event("e2", "org.federation.club.merged.v1", "b", payload.formatted("b")), INBOUND, NAMES).orElseThrow();
        assertThat(fromA.cause()).isEqualTo(fromB.cause()).isEqualTo("merger:m1");
    }

    @Test
    void registrationOpeningConcernsEveryClubAndHearingsTheirPanel() {
        assertThat(ClubEventNotices.of(event("e1", "org.federation.club.registration-opened.v1", "2026-2027",
                "{\"academicYear\":\"2026-2027\",\"deadline\":\"2026-10-01T00:00:00Z\"}"), INBOUND, NAMES).orElseThrow().allClubs()).isTrue();
        Routed hearing = ClubEventNotices.of(event("e2", "org.federation.club.hearing-scheduled.v1", "app-1", """
                {"application":{"id":"app-1","proposedName":"Go","state":"hearing-scheduled","initiators":["i1"],
                 "hearing":{"scheduledAt":"2026-12-01T10:00:00Z","place":"Room 3","panel":["p1","p2"]}}}"""), INBOUND, NAMES).orElseThrow();
        assertThat(hearing.persons()).containsExactly("i1", "p1", "p2");
        assertThat(hearing.subjectRef()).isEqualTo("founding-application:app-1");
    }

    @Test
    void typesWithoutNoticesAreIgnoredAndBrokenOnesRefused() {
        assertThat(ClubEventNotices.of(event("e1", "org.federation.club.test-snapshot.v1", "c1", "{}"), INBOUND, NAMES)).isEmpty();
        assertThatThrownBy(() -> ClubEventNotices.of(event("e2", "org.federation.club.merged.v1", "c1",
                "{\"club\":{\"id\":\"c1\"}}"), INBOUND, NAMES)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void financesEventsAreReadGenericallyAndOnlyListedKindsRouted() {
        assertThat(GenericEventNotices.kindOf("org.federation.finance.budget-decided.v1")).isEqualTo("budget-decided");
        JsonNode settled = JSON.readTree("{\"account\":{\"id\":\"acct-1\",\"clubId\":\"c1\",\"name\":\"Go club\"},\"clubId\":\"c1\"}");
        Routed routed = GenericEventNotices.of(new EventEnvelope("e1", "org.federation.finance.account-settled.v1",
                "/finance-service", "acct-1", Instant.now(), "system", 3, settled.toString()), settled, NAMES).orElseThrow();
        assertThat(routed.title()).isEqualTo("Account settled: Go club");
        assertThat(routed.clubIds()).containsExactly("c1");
        assertThat(routed.subjectRef()).isEqualTo("account:acct-1");
        assertThat(GenericEventNotices.of(new EventEnvelope("e2", "org.federation.finance.ledger-entry-added.v1",
                "/finance-service", "acct-1", Instant.now(), "system", 4, "{}"), JSON.readTree("{}"), NAMES)).isEmpty();
        assertThat(NoticeKinds.defaultsFor("department:finance")).contains("account-settled", "budget-decided",
                "budget-closed");
        assertThat(NoticeKinds.defaultsFor("person:1")).isEmpty();
        assertThat(NoticeKinds.all()).extracting(NoticeKinds.Kind::name).doesNotHaveDuplicates().hasSizeGreaterThan(25);
        assertThat(List.of("organization", "finance", "publicity", "evaluation", "external-relations", "office"))
                .allSatisfy(d -> assertThat(NoticeKinds.DEPARTMENT_DEFAULTS).containsKey(d));
    }
}
