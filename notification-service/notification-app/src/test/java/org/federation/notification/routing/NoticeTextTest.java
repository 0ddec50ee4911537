package org.federation.notification.routing;

import org.federation.notification.routing.application.ClubEventNotices;
import org.federation.notification.routing.application.ActivityEventNotices;
import org.federation.notification.routing.domain.Routed;
import org.federation.notification.routing.application.GenericEventNotices;
import org.federation.notification.routing.domain.NoticeKinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.federation.club.contracts.ClubElectionRecorded;
import org.federation.club.contracts.ClubEstablished;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubHandoverOverdue;
import org.federation.club.contracts.ClubLeader;
import org.federation.club.contracts.ClubLeadershipChanged;
import org.federation.club.contracts.ClubMerged;
import org.federation.club.contracts.ClubRegistrationConfirmed;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.club.contracts.ClubStateChanged;
import org.federation.club.contracts.CredentialIssued;
import org.federation.club.contracts.FoundingAnnouncement;
import org.federation.club.contracts.FoundingApplicationChanged;
import org.federation.club.contracts.FoundingApplicationSummary;
import org.federation.club.contracts.HearingBallotCast;
import org.federation.club.contracts.LateRegistrationSubmitted;
import org.federation.club.contracts.RegistrationOpened;
import org.federation.event.contracts.ActivityCancelled;
import org.federation.event.contracts.ActivityChanged;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.contracts.ActivityProposed;
import org.federation.event.contracts.ActivityPublished;
import org.federation.event.contracts.ActivityReportOverdue;
import org.federation.event.contracts.ActivityReportSubmitted;
import org.federation.event.contracts.ActivitySnapshot;
import org.federation.event.contracts.BudgetRequested;
import org.federation.event.contracts.RegistrationChanged;
import org.federation.event.contracts.TraineeEnrolled;
import org.federation.event.contracts.TrainingClassChanged;
import org.federation.event.contracts.TrainingClassCreated;
import org.federation.event.contracts.TrainingClassSnapshot;
import org.federation.finance.contracts.AccountOpened;
import org.federation.finance.contracts.AccountSettled;
import org.federation.finance.contracts.AccountSnapshot;
import org.federation.finance.contracts.BudgetClosed;
import org.federation.finance.contracts.BudgetDecided;
import org.federation.finance.contracts.BudgetSnapshot;
import org.federation.finance.contracts.FeePaymentRecorded;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.finance.contracts.LedgerTransaction;
import org.federation.finance.contracts.SponsorshipReceiptRecorded;
import org.federation.finance.contracts.StatementPublished;
import org.federation.finance.contracts.TransactionPosted;
import org.federation.finance.contracts.TransactionReversed;
import org.federation.notification.directory.domain.Names;
import org.federation.platform.messaging.EventEnvelope;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, point 1: notices are written for people. Every kind {@link NoticeKinds} lists is
 * rendered from a representative event (a kind without one fails here, so a new kind is covered
 * the day it is added), once with the directory knowing the clubs and people by name and once
 * knowing nobody; no title or body may carry an event type, a UUID, an {@code act-}/{@code acct-}/
 * {@code club-} id or a student number. Before the fix a budget decision read "Budget decided
 * (org.federation.finance.budget-decided.v1 from finance-service, about act-…)", a credential
 * "Member credential issued: &lt;club UUID&gt;", a merger "Clubs [&lt;UUID&gt;, …] merged into …".
 */
class NoticeTextTest {

    static final String CHESS = "3f2b8c1e-5a4d-4e6f-9b0a-1c2d3e4f5a6b";
    static final String GO = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    static final String ACMORE = "club-acmore";
    static final String LEADER = "2023020001";
    static final String STUDENT = "2026100001";
    static final Instant AT = Instant.parse("2026-12-05T11:00:00Z");

    static final Names KNOWING = Names.of(Map.of(CHESS, "国际象棋社", GO, "围棋社", ACMORE, "acmore编程协会"),
            Map.of(LEADER, "王小明", STUDENT, "李华"));
    static final Names KNOWING_NOBODY = Names.of(Map.of(), Map.of());

    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("org\\.federation\\."),
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
            Pattern.compile("\\b(act|acct|club|tc|st|txn|app|fees|settle)-[A-Za-z0-9]"),
            Pattern.compile("\\b20\\d{8}\\b"), // a student number
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")); // a machine timestamp (in UTC, 8 hours off what people read)

    record Sample(String type, String subject, Object payload) {
    }

    static ClubSnapshot club(String id, String name, String state) {
        return new ClubSnapshot(id, name, "academic-technology", state, LocalDate.of(2019, 9, 1), "2026-2027",
                List.of(new ClubLeader(LEADER, "王小明", "president")), List.of(STUDENT), "2020000009", null, null);
    }

    static ActivitySnapshot activity(List<String> clubs, String department, String state) {
        return new ActivitySnapshot("act-7f3a", "算法竞赛训练营", "training", "Two days of contest practice", AT,
                AT.plusSeconds(7200), "Lab 305", "members", clubs, department, "academic-technology", state);
    }

    static FoundingApplicationSummary application(String state, boolean hearing) {
        return new FoundingApplicationSummary("app-" + CHESS, "天文社", "academic-technology", state, List.of(STUDENT),
                hearing ? new FoundingApplicationSummary.HearingSummary(AT, "Room 3", List.of(LEADER)) : null);
    }

    static BudgetSnapshot budget(String state, long approved, long spent) {
        return new BudgetSnapshot("act-7f3a", "算法竞赛训练营", CHESS, null, 500_000, state, approved, spent, approved - spent, 2,
                "acct-" + CHESS, "2020000007", AT);
    }

    static LedgerTransaction transaction(String id, String reverses) {
        return new LedgerTransaction(id, "expense", "activity-spending", "Venue rental for the contest training", "claim",
                "claim-" + GO, "act-7f3a", LocalDate.of(2026, 12, 5), AT, 120_000, List.of(), reverses);
    }

    /** One representative event per kind; a kind added to {@link NoticeKinds} needs one here. */
    static List<Sample> samples() {
        ClubSnapshot chess = club(CHESS, "国际象棋社", "active");
        TrainingClassSnapshot training = new TrainingClassSnapshot("tc-" + GO, "未来管理者培训班", "organization", "act-7f3a", 30,
                List.of(new TrainingClassSnapshot.Session(1, AT, AT.plusSeconds(7200), "Library 101", "领导力")), 1, LEADER, AT);
        AccountSnapshot account = new AccountSnapshot("acct-" + CHESS, "club", CHESS, "国际象棋社 club fund", "club-fund", 0,
                "open", AT);
        List<Sample> all = new ArrayList<>();
        all.add(new Sample(ClubEventTypes.ESTABLISHED, CHESS, new ClubEstablished(chess, ClubEstablished.FOUNDED)));
        all.add(new Sample(ClubEventTypes.REGISTRATION_OPENED, "2026-2027", new RegistrationOpened("2026-2027", AT)));
        all.add(new Sample(ClubEventTypes.REGISTRATION_CONFIRMED, CHESS,
                new ClubRegistrationConfirmed(chess, "2026-2027", true, List.of())));
        all.add(new Sample(ClubEventTypes.REGISTRATION_MISSED, CHESS,
                new ClubStateChanged(club(CHESS, "国际象棋社", "unregistered"), "active", null)));
        all.add(new Sample(ClubEventTypes.SUSPENDED, CHESS, new ClubStateChanged(club(CHESS, "国际象棋社", "suspended"),
                "active", "no activity for a year")));
        all.add(new Sample(ClubEventTypes.REINSTATED, CHESS, new ClubStateChanged(chess, "suspended", "activity resumed")));
        all.add(new Sample(ClubEventTypes.DISSOLUTION_REQUESTED, CHESS,
                new ClubStateChanged(club(CHESS, "国际象棋社", "dissolving"), "active", "too few members")));
        all.add(new Sample(ClubEventTypes.DISSOLVED, CHESS,
                new ClubStateChanged(club(CHESS, "国际象棋社", "dissolved"), "dissolving", null)));
        all.add(new Sample(ClubEventTypes.ELECTION_RECORDED, CHESS, new ClubElectionRecorded(chess, LocalDate.of(2026, 6, 1),
                24, true, List.of(new ClubLeader(STUDENT, "李华", "president")))));
        all.add(new Sample(ClubEventTypes.LEADERSHIP_CHANGED, CHESS, new ClubLeadershipChanged(chess,
                List.of(new ClubLeader(LEADER, "王小明", "president")), LocalDate.of(2026, 6, 1), LocalDate.of(2027, 6, 30))));
        all.add(new Sample(ClubEventTypes.HANDOVER_OVERDUE, CHESS,
                new ClubHandoverOverdue(chess, LocalDate.of(2026, 6, 30), true)));
        all.add(new Sample(ClubEventTypes.MERGED, CHESS, new ClubMerged(club(CHESS, "国际象棋社", "merged"),
                club(ACMORE, "棋类联合会", "active"), List.of(CHESS, GO), "merger-" + GO)));
        for (String[] founding : new String[][] {{ClubEventTypes.FOUNDING_SUBMITTED, "submitted"},
                {ClubEventTypes.FOUNDING_QUALIFIED, "qualified"}, {ClubEventTypes.FOUNDING_RETURNED, "returned"},
                {ClubEventTypes.FOUNDING_WITHDRAWN, "withdrawn"}, {ClubEventTypes.HEARING_SCHEDULED, "hearing-scheduled"},
                {ClubEventTypes.HEARING_INCONCLUSIVE, "hearing-inconclusive"}, {ClubEventTypes.FOUNDING_REJECTED, "rejected"}}) {
            all.add(new Sample(founding[0], "app-" + CHESS, new FoundingApplicationChanged(application(founding[1], true),
                    List.of("the charter lacks a budget plan"), LocalDate.of(2027, 3, 1))));
        }
        all.add(new Sample(ClubEventTypes.FOUNDING_ANNOUNCED, "app-" + CHESS, new FoundingAnnouncement("app-" + CHESS, CHESS,
                "天文社", "academic-technology", "Watching the sky together", List.of(new ClubLeader(STUDENT, "李华", "president")),
                LocalDate.of(2026, 12, 1), 4, 1, 0)));
        all.add(new Sample(ClubEventTypes.LATE_REGISTRATION_SUBMITTED, CHESS,
                new LateRegistrationSubmitted(club(CHESS, "国际象棋社", "unregistered"), "2026-2027", List.of())));
        all.add(new Sample(ClubEventTypes.HEARING_BALLOT_CAST, "app-" + CHESS, new HearingBallotCast(
                application("hearing-scheduled", true), LEADER, "approve", null, AT, 2, 5)));
        all.add(new Sample(ClubEventTypes.CREDENTIAL_ISSUED, "jti-" + GO, new CredentialIssued("jti-" + GO, CHESS, STUDENT,
                "member", "member-credentials-" + GO, AT, AT.plusSeconds(86_400 * 180))));

        all.add(new Sample(ActivityEventTypes.PROPOSED, "act-7f3a", new ActivityProposed(
                activity(List.of(CHESS, GO), null, "awaiting-confirmation"), LEADER)));
        all.add(new Sample(ActivityEventTypes.PUBLISHED, "act-7f3a", new ActivityPublished(activity(List.of(CHESS), null, "approved"))));
        all.add(new Sample(ActivityEventTypes.CHANGED, "act-7f3a", new ActivityChanged(activity(List.of(CHESS), null, "approved"),
                "moved to Lab 305")));
        all.add(new Sample(ActivityEventTypes.CANCELLED, "act-7f3a",
                new ActivityCancelled(activity(List.of(), "organization", "cancelled"), "storm warning")));
        all.add(new Sample(ActivityEventTypes.REGISTRATION_CHANGED, "act-7f3a|" + STUDENT, new RegistrationChanged(
                "act-7f3a|" + STUDENT, "act-7f3a", "算法竞赛训练营", AT, STUDENT, "registered", null, RegistrationChanged.PROMOTED)));
        all.add(new Sample(ActivityEventTypes.REPORT_OVERDUE, "act-7f3a",
                new ActivityReportOverdue(activity(List.of(CHESS), null, "approved"), AT.plusSeconds(86_400 * 14))));
        all.add(new Sample(ActivityEventTypes.REPORT_SUBMITTED, "act-7f3a", new ActivityReportSubmitted(
                activity(List.of(CHESS), null, "approved"), "It went well", List.of(), 42, true)));
        all.add(new Sample(ActivityEventTypes.TRAINING_CLASS_CREATED, training.id(), new TrainingClassCreated(training)));
        all.add(new Sample(ActivityEventTypes.TRAINING_CLASS_CHANGED, training.id(),
                new TrainingClassChanged(training, "session-added")));
        all.add(new Sample(ActivityEventTypes.TRAINEE_ENROLLED, training.id(),
                new TraineeEnrolled(training, STUDENT, CHESS, null, AT)));
        all.add(new Sample(ActivityEventTypes.BUDGET_REQUESTED, "act-7f3a", new BudgetRequested("act-7f3a", "算法竞赛训练营",
                CHESS, null, 500_000, "venue and prizes", List.of(), LEADER, List.of(CHESS))));

        all.add(new Sample(FinanceEventTypes.ACCOUNT_OPENED, account.id(), new AccountOpened(account)));
        all.add(new Sample(FinanceEventTypes.ACCOUNT_SETTLED, account.id(),
                new AccountSettled(account, CHESS, 123_450, "federation-general")));
        all.add(new Sample(FinanceEventTypes.BUDGET_DECIDED, "act-7f3a",
                new BudgetDecided(budget("approved", 300_000, 0), "partly-approved", "prizes are not funded")));
        all.add(new Sample(FinanceEventTypes.BUDGET_CLOSED, "act-7f3a",
                new BudgetClosed(budget("closed", 300_000, 180_000), 120_000, "claim-window-passed", null)));
        all.add(new Sample(FinanceEventTypes.STATEMENT_PUBLISHED, "st-" + CHESS, new StatementPublished("st-" + CHESS,
                account.id(), CHESS, null, "2026-11", "month", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                100_000, 50_000, 20_000, 130_000, 7, "h1", "h0", AT)));
        all.add(new Sample(FinanceEventTypes.TRANSACTION_POSTED, "txn-" + GO, new TransactionPosted(transaction("txn-" + GO, null))));
        all.add(new Sample(FinanceEventTypes.TRANSACTION_REVERSED, "txn-r-" + GO,
                new TransactionReversed(transaction("txn-r-" + GO, "txn-" + GO), "txn-" + GO)));
        all.add(new Sample(FinanceEventTypes.FEE_PAYMENT_RECORDED, "fees-" + GO, new FeePaymentRecorded(CHESS, "2026-2027",
                "batch-" + GO, "fees-" + GO, LocalDate.of(2026, 11, 20),
                List.of(new FeePaymentRecorded.Payment(STUDENT, 5_000), new FeePaymentRecorded.Payment(LEADER, 5_000)), 10_000)));
        all.add(new Sample(FinanceEventTypes.SPONSORSHIP_RECEIPT_RECORDED, "sponsorship-" + GO, new SponsorshipReceiptRecorded(
                "sponsorship-" + GO, "Campus Bookstore", CHESS, account.id(), "receipt-" + GO, "txn-" + GO, 200_000,
                LocalDate.of(2026, 11, 20), 300_000)));
        return all;
    }

    static Routed render(Sample sample, Names names) {
        String source = sample.type().startsWith("org.federation.club.") ? "/club-service"
                : sample.type().startsWith("org.federation.finance.") ? "/finance-service" : "/event-service";
        EventEnvelope event = new EventEnvelope("e-" + sample.type().hashCode(), sample.type(), source, sample.subject(), AT,
                LEADER, 3, EventNoticesTest.JSON.writeValueAsString(sample.payload()));
        return switch (source) {
            case "/club-service" -> ClubEventNotices.of(event, EventNoticesTest.INBOUND, names).orElseThrow();
            case "/finance-service" -> GenericEventNotices.of(event, EventNoticesTest.JSON.readTree(event.payload()), names)
                    .orElseThrow();
            default -> ActivityEventNotices.of(event, EventNoticesTest.INBOUND, names).orElseThrow();
        };
    }

    @Test
    void everyNoticeKindIsWrittenForPeopleWithoutEventTypesOrIds() {
        Map<String, Routed> rendered = new LinkedHashMap<>();
        for (Names names : List.of(KNOWING, KNOWING_NOBODY)) {
            for (Sample sample : samples()) {
                Routed routed = render(sample, names);
                for (String text : List.of(routed.title(), routed.body())) {
                    assertThat(text).as(sample.type() + " renders").isNotBlank();
                    FORBIDDEN.forEach(p -> assertThat(p.matcher(text).find())
                            .as("%s (%s) says %s: \"%s\"", routed.kind(), names == KNOWING ? "names known" : "names unknown",
                                    p, text).isFalse());
                }
                rendered.putIfAbsent(routed.kind(), routed);
            }
        }
        assertThat(rendered.keySet()).as("every kind has a representative event here")
                .containsAll(NoticeKinds.all().stream().map(NoticeKinds.Kind::name).toList());
    }

    @Test
    void noticesNameTheClubsAndPeopleAndSayTheFiguresThatMatter() {
        Map<String, Routed> byKind = new LinkedHashMap<>();
        samples().forEach(s -> byKind.putIfAbsent(render(s, KNOWING).kind(), render(s, KNOWING)));

        Routed decided = byKind.get("budget-decided");
        assertThat(decided.title()).isEqualTo("Budget partly approved: 算法竞赛训练营");
        assertThat(decided.body()).isEqualTo("The budget of 算法竞赛训练营 (国际象棋社) was partly approved: 3,000.00 yuan of the"
                + " 5,000.00 yuan requested (prizes are not funded).");
        assertThat(decided.subjectRef()).as("machine-readable, unchanged").isEqualTo("activity:act-7f3a");
        assertThat(byKind.get("account-settled").body()).isEqualTo(
                "The account of 国际象棋社 was settled and closed: 1,234.50 yuan moved to the federation's general account.");
        assertThat(byKind.get("budget-closed").body()).contains("1,800.00 yuan spent, 1,200.00 yuan released");
        assertThat(byKind.get("statement-published").body()).contains("closing 1,300.00 yuan");
        assertThat(byKind.get("fee-payment-recorded").body()).contains("国际象棋社 recorded 100.00 yuan", "(2 payments)");
        assertThat(byKind.get("sponsorship-receipt-recorded").body()).contains("2,000.00 yuan from Campus Bookstore");
        assertThat(byKind.get("credential-issued").title()).isEqualTo("Member credential issued: 国际象棋社");
        assertThat(byKind.get("credential-issued").body()).startsWith("李华 received a member credential of 国际象棋社");
        assertThat(byKind.get("club-merged").body()).isEqualTo("国际象棋社 and 围棋社 were merged into 棋类联合会.");
        assertThat(byKind.get("activity-proposed").body()).startsWith("国际象棋社 and 围棋社 propose 算法竞赛训练营");
        assertThat(byKind.get("trainee-enrolled").body()).startsWith("李华 is enrolled in 未来管理者培训班");
        assertThat(byKind.get("budget-requested").body()).startsWith("国际象棋社 asks for 5,000.00 yuan");
        // moments as people there read them: 11:00 UTC is 19:00 in Beijing
        assertThat(byKind.get("activity-published").body())
                .contains("from 2026-12-05 19:00 to 21:00 (Beijing time) at Lab 305");
        assertThat(byKind.get("hearing-scheduled").body()).contains("Hearing: 2026-12-05 19:00 (Beijing time), Room 3");
        assertThat(byKind.get("registration-opened").body())
                .isEqualTo("Every club registers again for 2026-2027 by 2026-12-05 19:00 (Beijing time).");
        assertThat(byKind.get("report-overdue").body()).contains("(ended 2026-12-05 21:00 (Beijing time)) was due by "
                + "2026-12-19 19:00 (Beijing time)");
        assertThat(byKind.get("registration-promoted").body()).contains("(starting 2026-12-05 19:00 (Beijing time))");
        assertThat(byKind.get("credential-issued").body()).endsWith("valid until 2027-06-03 19:00 (Beijing time).");

        // names not known yet: neutral words, never the id
        Sample credential = samples().stream().filter(s -> s.type().equals(ClubEventTypes.CREDENTIAL_ISSUED)).findFirst()
                .orElseThrow();
        assertThat(render(credential, KNOWING_NOBODY).title()).isEqualTo("Member credential issued: a club");
        Sample merged = samples().stream().filter(s -> s.type().equals(ClubEventTypes.MERGED)).findFirst().orElseThrow();
        assertThat(render(merged, KNOWING_NOBODY).body()).isEqualTo("2 clubs were merged into 棋类联合会.");
    }
}
