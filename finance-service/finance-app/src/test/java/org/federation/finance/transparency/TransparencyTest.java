package org.federation.finance.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.accounts.domain.AccountKinds;
import org.federation.platform.security.ratelimit.PublicRateLimit;
import org.federation.platform.security.ratelimit.PublicRateLimitProperties;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The federation's transparency page as an anonymous person meets it: the index of the
 * federation's accounts (balances, published statements, links to each statement, its PDF and the
 * verification of its chain), the trial balance per account kind, and nothing of any club's.
 * The bookings here are dated in 2003, a year no other test books in, so the trial balance as of a
 * day of it holds exactly what this test booked.
 */
@FinanceServiceTest
class TransparencyTest extends EmbeddedBackboneProperties {

    static final String BUDGET = AccountKinds.departmentBudget("external-relations");

    @Autowired
    Accounts accounts;
    @Autowired
    PublicRateLimitProperties limits;

    HttpProbe finance() {
        return Persona.FINANCE_MEMBER.on(app());
    }

    void book(String debit, String credit, long fen, LocalDate on) {
        HttpProbe.Response booked = finance().postJson("/api/ledger/transactions", """
                {"category":"grant","description":"booked on %s","bookedOn":"%s",
                 "lines":[{"accountId":"%s","side":"debit","amountFen":%d},{"accountId":"%s","side":"credit","amountFen":%d}]}"""
                .formatted(on, on, debit, fen, credit, fen));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    }

    String club(String name, String leader, List<String> members) {
        String clubId = "transparency-club-" + UUID.randomUUID();
        ClubFacts.publish(ClubFacts.established(clubId, name, leader, members));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> accounts.find("acct-" + clubId).isPresent());
        return clubId;
    }

    @Test
    void anAnonymousPersonFindsEveryFederationAccountAndReadsAndVerifiesItsPublishedStatements() {
        String clubId = club("星空摄影社", "2023990001", List.of("2023990002", "2023990003"));
        String clubAccount = "acct-" + clubId;
        book(BUDGET, "federation-income-other", 40_000, LocalDate.of(2003, 3, 10));
        book("federation-expense-other", BUDGET, 2_500, LocalDate.of(2003, 3, 20));
        book(clubAccount, "federation-income-other", 9_900, LocalDate.of(2003, 3, 12));
        for (String account : List.of(BUDGET, clubAccount)) {
            HttpProbe.Response published = finance().postJson("/api/accounts/" + account + "/statements",
                    "{\"period\":\"2003-03\"}");
            assertThat(published.status()).as(published.body()).isEqualTo(201);
        }

        HttpProbe anyone = app();
        HttpProbe.Response index = anyone.get("/api/transparency/accounts?size=100");
        assertThat(index.status()).as(index.body()).isEqualTo(200);
        assertThat(index.header("Cache-Control")).isEqualTo("max-age=60, public");
        JsonNode page = index.json();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(a -> ids.add(a.get("id").asString()));
        List<String> chart = AccountKinds.federationAccounts().stream().map(a -> a[0]).sorted().toList();
        // other tests of this context open federation accounts of their own (LedgerPropertyTest): those are listed too
        assertThat(ids).as("every federation account, by id").containsAll(chart).isSorted()
                .allMatch(id -> id.startsWith("federation-"), "a federation account");
        assertThat(page.get("totalItems").asLong()).isEqualTo(ids.size());
        assertThat(index.body()).as("no club's account, name or people")
                .doesNotContain(clubId, "星空摄影社", "2023990001", "2023990002", "acct-");

        JsonNode budget = find(page, BUDGET);
        assertThat(budget.get("name").asString()).isEqualTo("Budget of the external-relations department");
        assertThat(budget.get("kind").asString()).isEqualTo("fund");
        assertThat(budget.get("balanceFen").asLong()).isEqualTo(accounts.find(BUDGET).orElseThrow().balanceFen())
                .isEqualTo(37_500);
        assertThat(budget.get("publishedStatements").asLong()).isEqualTo(1);
        assertThat(budget.hasNonNull("latestSemester")).as("no semester statement yet").isFalse();
        JsonNode statement = budget.get("latestMonth");
        assertThat(statement.get("period").asString()).isEqualTo("2003-03");
        assertThat(statement.get("closingFen").asLong()).isEqualTo(37_500);
        assertThat(statement.has("entries")).as("the index carries no entries").isFalse();

        // following the links, still anonymously
        JsonNode whole = anyone.get(statement.get("links").get("self").asString()).json();
        assertThat(whole.get("hash").asString()).isEqualTo(statement.get("hash").asString());
        assertThat(whole.get("entries").size()).isEqualTo(2);
        HttpProbe.Download pdf = anyone.download(statement.get("links").get("pdf").asString());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.headers().get("X-Statement-Hash")).containsExactly(statement.get("hash").asString());
        assertThat(anyone.get(statement.get("links").get("csv").asString()).status()).isEqualTo(200);
        HttpProbe.Response chain = anyone.get(budget.get("links").get("monthChain").asString());
        assertThat(chain.status()).isEqualTo(200);
        assertThat(chain.json().get("valid").asBoolean()).as(chain.body()).isTrue();
        assertThat(chain.json().get("statements").asInt()).isEqualTo(1);
        HttpProbe.Response list = anyone.get(budget.get("links").get("statements").asString());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("totalItems").asInt()).isEqualTo(1);

        // what is not published stays closed: a period without a statement, a club's statements
        assertThat(anyone.get("/api/accounts/" + BUDGET + "/statements/2003-04").status()).isEqualTo(404);
        assertThat(anyone.get("/api/accounts/" + clubAccount + "/statements/2003-03").status()).isEqualTo(401);
        assertThat(anyone.get("/api/accounts/" + clubAccount + "/statement-chains/month").status()).isEqualTo(401);
    }

    @Test
    void theTrialBalanceBalancesPerKindAsOfADayAndAfterEveryPosting() {
        HttpProbe anyone = app();
        JsonNode before = trialBalance(anyone, "2003-06-30");
        assertThat(before.get("balanced").asBoolean()).isTrue();

        String clubId = club("围棋社", "2023990011", List.of("2023990012"));
        book("acct-" + clubId, "federation-income-fees", 12_000, LocalDate.of(2003, 6, 2));
        book("federation-expense-activities", "acct-" + clubId, 3_000, LocalDate.of(2003, 6, 30));
        book("federation-general", "federation-income-other", 50_000, LocalDate.of(2003, 7, 1));

        JsonNode june = trialBalance(anyone, "2003-06-30");
        assertThat(june.get("asOf").asString()).isEqualTo("2003-06-30");
        assertThat(june.get("balanced").asBoolean()).as(june.toString()).isTrue();
        assertThat(june.get("debitsFen").asLong()).isEqualTo(june.get("creditsFen").asLong())
                .isEqualTo(before.get("debitsFen").asLong() + 15_000);
        assertThat(june.get("debitBalancesFen").asLong()).isEqualTo(june.get("creditBalancesFen").asLong());
        assertThat(kinds(june)).containsExactly("fund", "income", "expense");
        JsonNode fund = kind(june, "fund");
        assertThat(fund.get("normalSide").asString()).isEqualTo("debit");
        assertThat(fund.get("debitsFen").asLong() - kind(before, "fund").get("debitsFen").asLong()).isEqualTo(12_000);
        assertThat(fund.get("creditsFen").asLong() - kind(before, "fund").get("creditsFen").asLong()).isEqualTo(3_000);
        assertThat(fund.get("balanceFen").asLong() - kind(before, "fund").get("balanceFen").asLong()).isEqualTo(9_000);
        JsonNode income = kind(june, "income");
        assertThat(income.get("normalSide").asString()).isEqualTo("credit");
        assertThat(income.get("balanceFen").asLong() - kind(before, "income").get("balanceFen").asLong()).isEqualTo(12_000);
        assertThat(kind(june, "expense").get("balanceFen").asLong() - kind(before, "expense").get("balanceFen").asLong())
                .isEqualTo(3_000);
        assertThat(june.toString()).as("kinds only, no account").doesNotContain(clubId, "acct-", "federation-");

        JsonNode july = trialBalance(anyone, "2003-07-01");
        assertThat(july.get("balanced").asBoolean()).isTrue();
        assertThat(july.get("debitsFen").asLong()).as("the booking of 1 July counts from that day")
                .isEqualTo(june.get("debitsFen").asLong() + 50_000);

        HttpProbe.Response now = anyone.get("/api/transparency/trial-balance");
        assertThat(now.status()).isEqualTo(200);
        assertThat(now.json().get("balanced").asBoolean()).as(now.body()).isTrue();
        assertThat(now.json().get("debitsFen").asLong()).isGreaterThanOrEqualTo(july.get("debitsFen").asLong());
    }

    @Test
    void badPagingAndDatesAreRefusedWithAProblem() {
        HttpProbe anyone = app();
        for (String query : List.of("size=0", "size=101", "page=-1", "size=x", "page=1.5")) {
            HttpProbe.Response refused = anyone.get("/api/transparency/accounts?" + query);
            assertThat(refused.status()).as(query + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        long total = anyone.get("/api/transparency/accounts?size=10").json().get("totalItems").asLong();
        HttpProbe.Response beyond = anyone.get("/api/transparency/accounts?page=" + (total / 10 + 1) + "&size=10");
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.json().get("items").size()).isZero();
        assertThat(anyone.get("/api/transparency/accounts?page=" + (total / 10) + "&size=10").json().get("items").size())
                .isEqualTo((int) (total % 10));

        for (String asOf : List.of("yesterday", "2003-02-30", "2003-6-1", "20030601")) {
            HttpProbe.Response refused = anyone.get("/api/transparency/trial-balance?asOf=" + asOf);
            assertThat(refused.status()).as(asOf + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        HttpProbe.Response future = anyone.get("/api/transparency/trial-balance?asOf=2999-01-01");
        assertThat(future.status()).as(future.body()).isEqualTo(422);
        assertThat(future.body()).contains("asOf");
    }

    /**
     * The transparency page is held to the public rate limit like every anonymous endpoint: an
     * address that has used up its allowance in the current window (its counter in the shared
     * store, as another instance would have left it) gets 429 with {@code Retry-After}; signed-in
     * callers are not counted. The test's own limit is high (the {@code local} profile), so the
     * counters of this window and the next are filled for the loopback addresses and removed after.
     */
    @Test
    void theTransparencyPageFallsUnderThePublicRateLimit() {
        long window = limits.window().toMillis();
        long windowStart = Math.floorDiv(System.currentTimeMillis(), window) * window;
        List<String> counters = new ArrayList<>();
        for (String address : List.of("127.0.0.1", "0:0:0:0:0:0:0:1")) {
            for (long start : List.of(windowStart, windowStart + window)) {
                counters.add(address + "@" + start);
            }
        }
        try {
            for (String counter : counters) {
                mongo.upsert(query(where("_id").is(counter)), new org.springframework.data.mongodb.core.query.Update()
                        .set("count", limits.requests()).set("windowStart", new java.util.Date(Long.parseLong(
                                counter.substring(counter.indexOf('@') + 1)))), PublicRateLimit.COLLECTION);
            }
            for (String path : List.of("/api/transparency/accounts", "/api/transparency/trial-balance")) {
                HttpProbe.Response refused = app().get(path);
                assertThat(refused.status()).as(path + ": " + refused.body()).isEqualTo(429);
                assertThat(refused.header("Retry-After")).isNotBlank();
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(Persona.STUDENT.on(app()).get(path).status()).as("signed in: not counted").isEqualTo(200);
            }
        } finally {
            mongo.remove(query(where("_id").in(counters)), PublicRateLimit.COLLECTION);
        }
        assertThat(app().get("/api/transparency/accounts").status()).isEqualTo(200);
    }

    static JsonNode trialBalance(HttpProbe anyone, String asOf) {
        HttpProbe.Response response = anyone.get("/api/transparency/trial-balance?asOf=" + asOf);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<String> kinds(JsonNode balance) {
        List<String> kinds = new ArrayList<>();
        balance.get("kinds").forEach(k -> kinds.add(k.get("kind").asString()));
        return kinds;
    }

    static JsonNode kind(JsonNode balance, String kind) {
        for (JsonNode k : balance.get("kinds")) {
            if (k.get("kind").asString().equals(kind)) {
                return k;
            }
        }
        throw new AssertionError("no kind " + kind + " in " + balance);
    }

    static JsonNode find(JsonNode page, String id) {
        for (JsonNode account : page.get("items")) {
            if (account.get("id").asString().equals(id)) {
                return account;
            }
        }
        throw new AssertionError("no account " + id + " in " + page);
    }
}
