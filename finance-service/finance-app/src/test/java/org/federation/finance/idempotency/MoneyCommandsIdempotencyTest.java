package org.federation.finance.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.idempotency.IdempotencyKeys;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Money commands under retry: one key, one effect, whether the retries come at once or after the
 * instance that ran the first attempt died between posting and storing its answer; and no key, no
 * command (428).
 */
@FinanceServiceTest
class MoneyCommandsIdempotencyTest extends EmbeddedBackboneProperties {

    @Autowired
    Accounts accounts;

    HttpProbe finance(String key) {
        return Persona.FINANCE_MEMBER.on(app().withoutIdempotencyKey()).with(IdempotencyKeys.HEADER, key);
    }

    String clubAccount() {
        String clubId = "idem-" + UUID.randomUUID();
        ClubFacts.publish(ClubFacts.established(clubId, "幂等社", "2023010001", List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> accounts.find("acct-" + clubId).isPresent());
        return "acct-" + clubId;
    }

    static String booking(String account, long fen) {
        return """
                {"category":"grant","description":"grant","bookedOn":"%s",
                 "lines":[{"accountId":"%s","side":"debit","amountFen":%d},{"accountId":"federation-income-other","side":"credit","amountFen":%d}]}"""
                .formatted(LocalDate.now().minusDays(1), account, fen, fen);
    }

    long balance(String account) {
        return accounts.find(account).orElseThrow().balanceFen();
    }

    long transactionsOn(String account) {
        return mongo.count(query(where("lines.accountId").is(account)), Transaction.class, "transactions");
    }

    List<HttpProbe.Response> twentyAtOnce(HttpProbe probe, String path, String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<HttpProbe.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> probe.postJson(path, body), pool));
            }
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * What an instance that died after posting and before storing the answer leaves, once the
     * key's lease has run out: the key's record in progress, no answer, lease expired.
     */
    void crashedAfterPosting(String key) {
        String id = IdempotencyKeys.recordId(Persona.FINANCE_MEMBER.subject(), key);
        assertThat(mongo.updateFirst(query(where("_id").is(id)), new Update().set("state", "in-progress")
                        .unset("response").unset("completedAt").set("expiresAt", new Date(System.currentTimeMillis() - 1000)),
                "idempotency-keys").getMatchedCount()).isEqualTo(1);
    }

    @Test
    void twentyConcurrentBookingsWithOneKeyBookOnce() throws Exception {
        String account = clubAccount();
        List<HttpProbe.Response> answers = twentyAtOnce(finance(UUID.randomUUID().toString()),
                "/api/ledger/transactions", booking(account, 700));
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(201, 409));
        assertThat(answers).anySatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(transactionsOn(account)).isEqualTo(1);
        assertThat(balance(account)).isEqualTo(700);
    }

    @Test
    void aBookingRetriedAfterACrashAndTheLeaseIsBookedOnce() {
        String account = clubAccount();
        String key = UUID.randomUUID().toString();
        HttpProbe.Response first = finance(key).postJson("/api/ledger/transactions", booking(account, 900));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        crashedAfterPosting(key);
        HttpProbe.Response retry = finance(key).postJson("/api/ledger/transactions", booking(account, 900));
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header(IdempotencyKeys.REPLAYED_HEADER)).as("it ran again").isNull();
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(transactionsOn(account)).isEqualTo(1);
        assertThat(balance(account)).isEqualTo(900);
    }

    @Test
    void aReversalRetriedAtOnceAndAfterACrashReversesOnce() throws Exception {
        String account = clubAccount();
        String id = finance(UUID.randomUUID().toString()).postJson("/api/ledger/transactions", booking(account, 500))
                .json().get("id").asString();
        String key = UUID.randomUUID().toString();
        List<HttpProbe.Response> answers = twentyAtOnce(finance(key), "/api/ledger/transactions/" + id + "/reversal",
                "{\"reason\":\"wrong club\"}");
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(201, 409));
        crashedAfterPosting(key);
        HttpProbe.Response retry = finance(key).postJson("/api/ledger/transactions/" + id + "/reversal",
                "{\"reason\":\"wrong club\"}");
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(transactionsOn(account)).isEqualTo(2);
        assertThat(balance(account)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/ledger/transactions", "/api/ledger/transactions/t-1/reversal",
            "/api/budgets/a-1/approval", "/api/budgets/a-1/rejection", "/api/budgets/a-1/closure",
            "/api/budgets/a-1/claims", "/api/budgets/a-1/claims/c-1/withdrawal",
            "/api/clubs/c-1/fees/2026-2027/payments", "/api/sponsorships/s-1/receipts",
            "/api/sponsorships/s-1/receipts/r-1/withdrawal"})
    void aMoneyCommandWithoutAKeyIsRefusedWith428NamingTheHeader(String path) {
        HttpProbe.Response refused = Persona.FINANCE_MEMBER.on(app().withoutIdempotencyKey()).postJson(path, "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(428);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:federation:problem:idempotency-key-required");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(IdempotencyKeys.HEADER);
    }

    @Test
    void aCsvImportWithoutAKeyIsRefusedWith428() {
        HttpProbe.Response refused = Persona.FINANCE_MEMBER.on(app().withoutIdempotencyKey())
                .post("/api/clubs/c-1/fees/2026-2027/payments/import", "text/csv", "studentNumber,amountFen,paidOn\n");
        assertThat(refused.status()).as(refused.body()).isEqualTo(428);
    }

    @Test
    void aBookingWithoutAKeyBooksNothing() {
        String account = clubAccount();
        HttpProbe.Response refused = Persona.FINANCE_MEMBER.on(app().withoutIdempotencyKey())
                .postJson("/api/ledger/transactions", booking(account, 100));
        assertThat(refused.status()).isEqualTo(428);
        assertThat(transactionsOn(account)).isZero();
    }
}
