package org.federation.finance.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.budgets.BudgetFacts;
import org.federation.finance.budgets.domain.Budget;
import org.federation.finance.budgets.domain.Budgets;
import org.federation.finance.fees.domain.FeeYear;
import org.federation.finance.fees.domain.FeeYears;
import org.federation.finance.sponsorship.domain.Sponsorship;
import org.federation.finance.sponsorship.domain.Sponsorships;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.idempotency.IdempotencyKeys;
import org.federation.platform.web.ProblemTypes;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;

/**
 * Money commands under retry: one key, one effect, whether the retries come at once or after the
 * instance that ran the first attempt died between posting and storing its answer; and no key, no
 * command (428).
 */
@FinanceServiceTest
class MoneyCommandsIdempotencyTest extends EmbeddedBackboneProperties {

    @Autowired
    Accounts accounts;
    @Autowired
    FeeYears years;

    HttpProbe finance(String key) {
        return Persona.FINANCE_MEMBER.on(app().withoutIdempotencyKey()).with(IdempotencyKeys.HEADER, key);
    }

    String clubAccount() {
        String clubId = "idem-" + UUID.randomUUID();
        ClubFacts.publish(ClubFacts.established(clubId, "幂等社", "2023010001", List.of("2023010002")));
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

    /**
     * A money command ready to be sent, with how to read its effect: {@code effect} observes the
     * balances, ledger entries and records it touches, {@code once} is what they must be after it
     * took effect exactly once; {@code created} points at what it created or decided in its answer
     * (the same for every answer to the request, however often it ran).
     */
    record MoneyCommand(HttpCall call, int success, String created, Supplier<List<Object>> effect, List<Object> once) {
    }

    static final String YEAR = "2026-2027";

    @Autowired
    Budgets budgets;
    @Autowired
    Sponsorships sponsorships;

    /** Each money endpoint, its preconditions set up afresh (fresh club, budget or sponsorship). */
    MoneyCommand prepared(String endpoint) {
        HttpProbe finance = Persona.FINANCE_MEMBER.on(app());
        String account = clubAccount();
        String clubId = account.substring("acct-".length());
        return switch (endpoint) {
            case "booking" -> new MoneyCommand(json("/api/ledger/transactions", booking(account, 700)), 201, "/id",
                    () -> List.of(balance(account), transactionsOn(account)), List.of(700L, 1L));
            case "reversal" -> {
                String id = finance.postJson("/api/ledger/transactions", booking(account, 500)).json().get("id").asString();
                yield new MoneyCommand(json("/api/ledger/transactions/" + id + "/reversal", "{\"reason\":\"wrong club\"}"),
                        201, "/id", () -> List.of(balance(account), transactionsOn(account)), List.of(0L, 2L));
            }
            case "expense claim" -> {
                String activity = approvedBudget(clubId, 5_000);
                yield new MoneyCommand(json("/api/budgets/" + activity + "/claims", claim(3_000)), 201, "/claim/id",
                        () -> budgetEffect(account, activity), List.of(-3_000L, 1L, "approved", 1, 2_000L, 2L));
            }
            case "claim withdrawal" -> {
                String activity = approvedBudget(clubId, 5_000);
                String claimId = finance.postJson("/api/budgets/" + activity + "/claims", claim(3_000)).json()
                        .get("claim").get("id").asString();
                yield new MoneyCommand(json("/api/budgets/" + activity + "/claims/" + claimId + "/withdrawal",
                        "{\"reason\":\"duplicate receipt\"}"), 200, "/claim/withdrawal/withdrawnAt",
                        () -> budgetEffect(account, activity), List.of(0L, 2L, "approved", 1, 5_000L, 3L));
            }
            case "budget approval" -> {
                String activity = requestedBudget(clubId, 8_000);
                yield new MoneyCommand(json("/api/budgets/" + activity + "/approval", "{\"approvedFen\":6000}"), 200,
                        "/decidedAt", () -> budgetEffect(account, activity), List.of(0L, 0L, "approved", 0, 6_000L, 1L));
            }
            case "budget rejection" -> {
                String activity = requestedBudget(clubId, 8_000);
                yield new MoneyCommand(json("/api/budgets/" + activity + "/rejection", "{\"reason\":\"no plan\"}"), 200,
                        "/decidedAt", () -> budgetEffect(account, activity), List.of(0L, 0L, "rejected", 0, 0L, 1L));
            }
            case "budget closure" -> {
                String activity = approvedBudget(clubId, 5_000);
                yield new MoneyCommand(json("/api/budgets/" + activity + "/closure", "{\"reason\":\"done\"}"), 200,
                        "/closure/closedAt", () -> budgetEffect(account, activity), List.of(0L, 0L, "closed", 0, 0L, 2L));
            }
            case "fee payment" -> {
                setFee(finance, clubId, 5_000);
                yield new MoneyCommand(json("/api/clubs/" + clubId + "/fees/" + YEAR + "/payments",
                        "{\"studentNumber\":\"2023010001\",\"paidOn\":\"" + LocalDate.now().minusDays(2) + "\"}"),
                        201, "/batchId", () -> List.of(balance(account), transactionsOn(account), feesPaid(clubId)),
                        List.of(5_000L, 1L, 1));
            }
            case "fee import" -> {
                setFee(finance, clubId, 5_000);
                String csv = "studentNumber,amountFen,paidOn\n2023010001,5000," + LocalDate.now().minusDays(2)
                        + "\n2023010002,5000," + LocalDate.now().minusDays(1) + "\n";
                yield new MoneyCommand(new HttpCall("POST", "/api/clubs/" + clubId + "/fees/" + YEAR + "/payments/import",
                        "text/csv", csv), 201, "/batchId",
                        () -> List.of(balance(account), transactionsOn(account), feesPaid(clubId)), List.of(10_000L, 2L, 2));
            }
            case "sponsorship receipt" -> {
                String sponsorship = sponsorship(finance, clubId);
                yield new MoneyCommand(json("/api/sponsorships/" + sponsorship + "/receipts", receipt(4_000)), 201,
                        "/receipt/id", () -> sponsorshipEffect(account, sponsorship), List.of(4_000L, 1L, 4_000L, 1));
            }
            case "receipt withdrawal" -> {
                String sponsorship = sponsorship(finance, clubId);
                String receiptId = finance.postJson("/api/sponsorships/" + sponsorship + "/receipts", receipt(4_000))
                        .json().get("receipt").get("id").asString();
                yield new MoneyCommand(json("/api/sponsorships/" + sponsorship + "/receipts/" + receiptId + "/withdrawal",
                        "{\"reason\":\"the transfer bounced\"}"), 200, "/receipt/withdrawal/withdrawnAt",
                        () -> sponsorshipEffect(account, sponsorship), List.of(0L, 2L, 0L, 1));
            }
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    /**
     * Twenty identical requests with one key at once, each retried as a client does while the key's
     * first request is still running (409 in progress): one runs, every other answer is its replay.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("moneyEndpoints")
    void twentyConcurrentRequestsWithOneKeyTakeEffectOnce(String endpoint) throws Exception {
        MoneyCommand command = prepared(endpoint);
        HttpProbe probe = finance(UUID.randomUUID().toString());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<HttpProbe.Response> answers;
        try {
            List<CompletableFuture<HttpProbe.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> answered(probe, command.call()), pool));
            }
            answers = calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(command.success()));
        assertThat(answers).filteredOn(a -> a.header(IdempotencyKeys.REPLAYED_HEADER) == null).as("ran").hasSize(1);
        assertThat(answers).extracting(HttpProbe.Response::body).containsOnly(answers.get(0).body());
        assertThat(command.effect().get()).isEqualTo(command.once());
    }

    /**
     * The instance running the request died after it took effect and before it kept the answer; the
     * client retries once the key's lease ran out: the request runs again, finds what the first
     * attempt did, answers with it, and nothing happens twice.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("moneyEndpoints")
    void aRequestRetriedAfterACrashAndTheLeaseTakesEffectOnce(String endpoint) {
        MoneyCommand command = prepared(endpoint);
        String key = UUID.randomUUID().toString();
        HttpProbe.Response first = finance(key).send(command.call());
        assertThat(first.status()).as(first.body()).isEqualTo(command.success());
        crashedAfterPosting(key);

        HttpProbe.Response retry = finance(key).send(command.call());

        assertThat(retry.status()).as(retry.body()).isEqualTo(command.success());
        assertThat(retry.header(IdempotencyKeys.REPLAYED_HEADER)).as("it ran again").isNull();
        assertThat(comparable(retry.json().at(command.created()))).isEqualTo(comparable(first.json().at(command.created())));
        assertThat(command.effect().get()).isEqualTo(command.once());
    }

    /**
     * What the answer says it created, as stored: an instant to the millisecond (the store keeps
     * milliseconds, the first answer shows the instant as it was taken).
     */
    static String comparable(JsonNode value) {
        assertThat(value.isMissingNode()).as("the answer names what it created").isFalse();
        try {
            return Instant.parse(value.asString()).truncatedTo(ChronoUnit.MILLIS).toString();
        } catch (DateTimeParseException notAnInstant) {
            return value.asString();
        }
    }

    static List<String> moneyEndpoints() {
        return List.of("booking", "reversal", "expense claim", "claim withdrawal", "budget approval", "budget rejection",
                "budget closure", "fee payment", "fee import", "sponsorship receipt", "receipt withdrawal");
    }

    /** The answer a client ends with: it retries while the key's first request is still running. */
    static HttpProbe.Response answered(HttpProbe probe, HttpCall call) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(() -> probe.send(call), a -> !stillRunning(a));
    }

    static boolean stillRunning(HttpProbe.Response answer) {
        return answer.status() == 409 && answer.body().contains(ProblemTypes.IDEMPOTENCY_KEY_IN_PROGRESS.toString());
    }

    static HttpCall json(String path, String body) {
        return new HttpCall("POST", path, "application/json", body);
    }

    static String claim(long fen) {
        return """
                {"amountFen":%d,"category":"venue","description":"hall rental","payee":"学生活动中心",
                 "spentOn":"%s","receipt":{"number":"No.%s","issuedOn":"%s","issuer":"学生活动中心"}}"""
                .formatted(fen, LocalDate.now().minusDays(1), UUID.randomUUID().toString().substring(0, 8),
                        LocalDate.now().minusDays(1));
    }

    static String receipt(long fen) {
        return "{\"amountFen\":" + fen + ",\"receivedOn\":\"" + LocalDate.now().minusDays(1) + "\",\"note\":\"bank transfer\"}";
    }

    String requestedBudget(String clubId, long fen) {
        String activity = "activity-" + UUID.randomUUID();
        BudgetFacts.publish(BudgetFacts.requested(activity, clubId, fen, 1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> budgets.find(activity).isPresent());
        return activity;
    }

    String approvedBudget(String clubId, long fen) {
        String activity = requestedBudget(clubId, fen);
        HttpProbe.Response approved = Persona.FINANCE_MEMBER.on(app()).postJson("/api/budgets/" + activity + "/approval",
                "{\"approvedFen\":" + fen + "}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return activity;
    }

    /** The funding account's balance and entries, the budget's state, claims, what remains and how many events it produced. */
    List<Object> budgetEffect(String account, String activity) {
        Budget budget = budgets.find(activity).orElseThrow();
        Number events = mongo.findById(activity, Document.class, "budgets").get("lastSequence", Number.class);
        return List.of(balance(account), transactionsOn(account), budget.state(), budget.claims().size(),
                budget.remainingFen(), events == null ? 0L : events.longValue());
    }

    void setFee(HttpProbe finance, String clubId, long fen) {
        HttpProbe.Response set = finance.send(new HttpCall("PUT", "/api/clubs/" + clubId + "/fees/" + YEAR,
                "application/json", "{\"amountFen\":" + fen + "}"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    int feesPaid(String clubId) {
        return years.find(clubId, YEAR).orElseThrow().batches().stream().mapToInt(FeeYear.Batch::payments).sum();
    }

    String sponsorship(HttpProbe finance, String clubId) {
        HttpProbe.Response recorded = finance.postJson("/api/sponsorships", """
                {"sponsor":"校园书店","agreement":"SP-%s","purpose":"prizes","clubId":"%s","promisedFen":10000,"signedOn":"%s"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6), clubId, LocalDate.now().minusDays(5)));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json().get("id").asString();
    }

    /** The beneficiary's balance and entries, what the sponsorship counts as received, and its receipts. */
    List<Object> sponsorshipEffect(String account, String id) {
        Sponsorship sponsorship = sponsorships.find(id).orElseThrow();
        return List.of(balance(account), transactionsOn(account), sponsorship.receivedFen(), sponsorship.receipts().size());
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

    /** The key's record as it is once its retention has passed (MongoDB's TTL index removes it soon after). */
    void forgotten(String key) {
        String id = IdempotencyKeys.recordId(Persona.FINANCE_MEMBER.subject(), key);
        assertThat(mongo.updateFirst(query(where("_id").is(id)), new Update().set("expiresAt",
                new Date(System.currentTimeMillis() - 1000)), "idempotency-keys").getMatchedCount()).isEqualTo(1);
    }

    @Test
    void aKeyUsedAgainForAnotherCommandOnceItsRecordIsForgottenMovesTheMoneyOfThatCommand() {
        String first = clubAccount();
        String second = clubAccount();
        String key = "reused-" + UUID.randomUUID();
        HttpProbe.Response booked = finance(key).postJson("/api/ledger/transactions", booking(first, 700));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        forgotten(key);

        HttpProbe.Response again = finance(key).postJson("/api/ledger/transactions", booking(second, 400));

        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).as("a transaction of its own").isNotEqualTo(booked.json().get("id").asString());
        assertThat(balance(second)).as("the second booking is booked, not answered with the first").isEqualTo(400);
        assertThat(balance(first)).isEqualTo(700);
    }

    @Autowired
    org.federation.finance.ledger.application.Ledger ledger;

    @ParameterizedTest
    @ValueSource(strings = {"in-progress", "completed"})
    void theSameRequestAsOneThatRanBeforeIdsWerePerRequestIsRetriedOntoWhatThatOneCreated(String leftAs) {
        String account = clubAccount();
        String body = booking(account, 300);
        // the fingerprint of this very request (method, path, content type, body: the key is not part of it),
        // read from the record of a first booking of it under another key
        String probeKey = "probe-" + UUID.randomUUID();
        assertThat(finance(probeKey).postJson("/api/ledger/transactions", body).status()).isEqualTo(201);
        String fingerprint = mongo.findById(IdempotencyKeys.recordId(Persona.FINANCE_MEMBER.subject(), probeKey),
                Document.class, "idempotency-keys").getString("fingerprint");
        // what the version before left for the same request under key: its transaction under the id derived from
        // the key alone, and the key's record without a derivation, expired (a crash mid-way, or a day gone by)
        String key = "upgrade-" + UUID.randomUUID();
        String oldId = Transaction.MANUAL + "-" + IdempotencyKeys.derivedId(Persona.FINANCE_MEMBER.subject(), key);
        ledger.post(Transaction.create(oldId, Transaction.MANUAL, "grant", "grant", Persona.FINANCE_MEMBER.subject(),
                new Transaction.Source("manual", null, null), LocalDate.now().minusDays(1), Instant.now(),
                List.of(org.federation.finance.ledger.domain.Line.debit(account, 300, null),
                        org.federation.finance.ledger.domain.Line.credit("federation-income-other", 300, null)), null));
        mongo.insert(new Document("_id", IdempotencyKeys.recordId(Persona.FINANCE_MEMBER.subject(), key))
                .append("caller", Persona.FINANCE_MEMBER.subject()).append("key", key).append("method", "POST")
                .append("path", "/api/ledger/transactions").append("fingerprint", fingerprint)
                .append("state", leftAs).append("token", UUID.randomUUID().toString())
                .append("createdAt", new Date()).append("expiresAt", new Date(System.currentTimeMillis() - 1000)),
                "idempotency-keys");

        HttpProbe.Response retried = finance(key).postJson("/api/ledger/transactions", body);

        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.json().get("id").asString()).isEqualTo(oldId);
        assertThat(balance(account)).as("the probe's 300 and the first attempt's 300, nothing more").isEqualTo(600);
        assertThat(transactionsOn(account)).isEqualTo(2);
    }

    @Test
    void aBatchCheckedAgainstTheOldFeeIsNotRecordedUnderANewOne() {
        String clubId = clubAccount().substring("acct-".length());
        HttpProbe finance = Persona.FINANCE_MEMBER.on(app());
        setFee(finance, clubId, 5_000);
        FeeYear checked = years.find(clubId, YEAR).orElseThrow();
        // the rule changes while nobody has paid (allowed), after a batch was checked against 5,000
        setFee(finance, clubId, 8_000);
        String batchId = "stale-" + UUID.randomUUID();
        FeeYear.Payment payment = new FeeYear.Payment(batchId, LocalDate.now().minusDays(1), checked.amountFen(),
                FeeYear.transactionIdOf(batchId, LocalDate.now().minusDays(1)), Persona.FINANCE_MEMBER.subject());

        boolean recorded = years.record(checked.id(), new FeeYear.Batch(batchId, 1, 5_000, Persona.FINANCE_MEMBER.subject(),
                Instant.now(), false), java.util.Map.of("2023010002", payment));

        assertThat(recorded).as("not under the 8,000 rule").isFalse();
        assertThat(years.find(clubId, YEAR).orElseThrow().paid()).isEmpty();
    }

    @Test
    void aRequestThatDiedMidWayIsFinishedOnlyByTheSameRequestNotRunBesideItByAnother() {
        String account = clubAccount();
        String key = "died-" + UUID.randomUUID();
        HttpProbe.Response first = finance(key).postJson("/api/ledger/transactions", booking(account, 700));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        crashedAfterPosting(key);

        HttpProbe.Response other = finance(key).postJson("/api/ledger/transactions", booking(account, 500));
        assertThat(other.status()).as("another request under the key of one that died: " + other.body()).isEqualTo(422);
        assertThat(balance(account)).isEqualTo(700);

        HttpProbe.Response same = finance(key).postJson("/api/ledger/transactions", booking(account, 700));
        assertThat(same.status()).as(same.body()).isEqualTo(201);
        assertThat(same.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(balance(account)).as("once").isEqualTo(700);
    }
}
