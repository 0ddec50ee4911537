package org.federation.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.federation.platform.testing.FeatureCollections.assertTouches;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.finance.budgets.BudgetFacts;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.MongoCollections;
import org.federation.platform.testing.MongoCollections.Touched;
import org.federation.platform.testing.MongoCollections.Work;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Test;

/**
 * Which collections each feature of finance-service reads and writes, driven through its public entry
 * points only (HTTP requests, consumed events), so that a feature starting to use another feature's or
 * another service's collection fails here: collection names are strings ArchUnit cannot see. The
 * outbox lives in each aggregate's own document, so a feature's events add no collection of their own.
 * What the sets have in common, and why: a request checks the caller against the club ({@code clubs},
 * the known clubs); money moved is booked through the ledger ({@code transactions}, {@code accounts}),
 * which refuses a booking into a period whose statement is published ({@code statements}); commands go
 * through the web kit's idempotency store ({@code idempotency-keys}), public reads through its rate
 * limit ({@code public-rate-limits}).
 */
@FinanceServiceTest
class FeatureCollectionsTest extends EmbeddedBackboneProperties {

    private static Touched during(Work work) {
        return MongoCollections.INSTANCE.during("finance", work);
    }

    private HttpProbe finance() {
        return Persona.FINANCE_MEMBER.on(app());
    }

    /** A club finance-service knows, with its account open. */
    private String knownClub() {
        String clubId = "collections-" + UUID.randomUUID();
        ClubFacts.publish(ClubFacts.established(clubId, "书法社 " + clubId.substring(12, 18), Persona.LEADER.subject(),
                List.of("2026000001")));
        awaitStatus(() -> finance().get("/api/accounts/acct-" + clubId).status(), 200);
        return clubId;
    }

    private static void awaitStatus(java.util.concurrent.Callable<Integer> status, int expected) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(status, s -> s == expected);
    }

    @Test
    void clubFactsReachTheKnownClubsAndOpenTheClubsAccount() {
        String clubId = "collections-" + UUID.randomUUID();
        Touched touched = during(() -> {
            ClubFacts.publish(ClubFacts.established(clubId, "书法社 " + clubId.substring(12, 18), Persona.LEADER.subject(),
                    List.of()));
            awaitStatus(() -> finance().get("/api/accounts/acct-" + clubId).status(), 200);
        });
        assertTouches("clubs (club.events consumed)", touched.byConsumersOf("club.events"), "clubs", "accounts");
    }

    @Test
    void budgetsTakeRequestsDecisionsAndClaims() {
        String clubId = knownClub();
        String activity = "activity-" + UUID.randomUUID();
        Touched requested = during(() -> {
            BudgetFacts.publish(BudgetFacts.requested(activity, clubId, 50_000, 1));
            awaitStatus(() -> finance().get("/api/budgets/" + activity).status(), 200);
        });
        assertTouches("budgets (activity.events consumed)", requested.byConsumersOf("activity.events"), "budgets");

        Touched decided = during(() -> {
            assertThat(finance().postJson("/api/budgets/" + activity + "/approval", "{\"approvedFen\":40000}").status())
                    .isEqualTo(200);
            HttpProbe.Response claimed = Persona.LEADER.on(app()).postJson("/api/budgets/" + activity + "/claims", """
                    {"amountFen":1000,"category":"venue","description":"hall rental","payee":"学生活动中心",
                     "spentOn":"%s","receipt":{"number":"No.%s","issuedOn":"%s","issuer":"学生活动中心"}}"""
                    .formatted(LocalDate.now().minusDays(1), UUID.randomUUID().toString().substring(0, 8),
                            LocalDate.now().minusDays(1)));
            assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
            assertThat(Persona.LEADER.on(app()).get("/api/budgets?clubId=" + clubId).status()).isEqualTo(200);
        });
        assertTouches("budgets (decision, claim, listing)", decided.byRequests(), "budgets", "clubs", "accounts",
                "transactions", "statements", "idempotency-keys");
    }

    @Test
    void sponsorshipsRecordAgreementsAndReceipts() {
        String clubId = knownClub();
        Touched touched = during(() -> {
            HttpProbe.Response recorded = Persona.LEADER.on(app()).postJson("/api/sponsorships", """
                    {"sponsor":"校园书店","agreement":"SP-2026-%s","purpose":"prizes","clubId":"%s",
                     "promisedFen":10000,"signedOn":"%s"}""".formatted(UUID.randomUUID().toString().substring(0, 6), clubId,
                    LocalDate.now().minusDays(5)));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            String id = recorded.json().get("id").asString();
            assertThat(finance().postJson("/api/sponsorships/" + id + "/receipts", "{\"amountFen\":4000,\"receivedOn\":\""
                    + LocalDate.now().minusDays(1) + "\",\"note\":\"bank transfer\"}").status()).isEqualTo(201);
            assertThat(Persona.LEADER.on(app()).get("/api/sponsorships/" + id).status()).isEqualTo(200);
        });
        assertTouches("sponsorship", touched.byRequests(), "sponsorships", "clubs", "accounts", "transactions",
                "statements", "idempotency-keys");
    }

    @Test
    void feesTakeRulesAndPayments() {
        String clubId = knownClub();
        Touched touched = during(() -> {
            HttpProbe leader = Persona.LEADER.on(app());
            assertThat(leader.send(new HttpCall("PUT", "/api/clubs/" + clubId + "/fees/2026-2027",
                    "application/json", "{\"amountFen\":5000,\"dueOn\":\"2026-10-31\"}")).status()).isEqualTo(200);
            HttpProbe.Response paid = leader.postJson("/api/clubs/" + clubId + "/fees/2026-2027/payments",
                    "{\"studentNumber\":\"2026000001\",\"paidOn\":\"" + LocalDate.now().minusDays(3) + "\"}");
            assertThat(paid.status()).as(paid.body()).isEqualTo(201);
            assertThat(leader.get("/api/clubs/" + clubId + "/fees/2026-2027").status()).isEqualTo(200);
        });
        assertTouches("fees", touched.byRequests(), "fee_years", "clubs", "accounts", "transactions",
                "statements", "idempotency-keys");
    }

    @Test
    void theLedgerBooksAndReversesTransactions() {
        String clubId = knownClub();
        Touched touched = during(() -> {
            HttpProbe.Response booked = finance().postJson("/api/ledger/transactions", """
                    {"category":"grant","description":"a grant","bookedOn":"%s",
                     "lines":[{"accountId":"acct-%s","side":"debit","amountFen":100},
                              {"accountId":"federation-general","side":"credit","amountFen":100}]}"""
                    .formatted(LocalDate.now().minusDays(1), clubId));
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            String id = booked.json().get("id").asString();
            assertThat(finance().get("/api/ledger/transactions/" + id).status()).isEqualTo(200);
            assertThat(finance().get("/api/accounts/acct-" + clubId + "/transactions").status()).isEqualTo(200);
        });
        assertTouches("ledger", touched.byRequests(), "transactions", "accounts", "statements", "clubs",
                "idempotency-keys");
    }

    @Test
    void statementsArePublishedFromTheLedger() {
        String clubId = knownClub();
        Touched touched = during(() -> {
            HttpProbe.Response published = finance().postJson("/api/accounts/acct-" + clubId + "/statements",
                    "{\"period\":\"" + LocalDate.now().minusMonths(1).toString().substring(0, 7) + "\"}");
            assertThat(published.status()).as(published.body()).isEqualTo(201);
            assertThat(Persona.LEADER.on(app()).get("/api/accounts/acct-" + clubId + "/statements").status()).isEqualTo(200);
        });
        assertTouches("statements", touched.byRequests(), "statements", "statement-chains", "transactions", "accounts",
                "clubs", "idempotency-keys");
    }

    @Test
    void transparencyReadsTheAccounts() {
        Touched touched = during(() -> {
            assertThat(app().get("/api/transparency/accounts").status()).isEqualTo(200);
            assertThat(app().get("/api/transparency/trial-balance").status()).isEqualTo(200);
        });
        assertTouches("transparency", touched.byRequests(), "accounts", "transactions", "statements",
                "public-rate-limits");
    }
}
