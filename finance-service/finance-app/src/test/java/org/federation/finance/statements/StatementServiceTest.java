package org.federation.finance.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Publishing statements from the ledger, in order, once; the chain, its verification, tampering, CSV, public federation statements. */
@FinanceServiceTest
class StatementServiceTest extends EmbeddedBackboneProperties {

    static final YearMonth M = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(3);
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    Accounts accounts;
    @Autowired
    MeterRegistry meters;

    HttpProbe finance() {
        return Persona.FINANCE_MEMBER.on(app());
    }

    HttpProbe.Response book(String debit, String credit, long fen, LocalDate on) {
        return finance().postJson("/api/ledger/transactions", """
                {"category":"%s","description":"booked on %s","bookedOn":"%s",
                 "lines":[{"accountId":"%s","side":"debit","amountFen":%d},{"accountId":"%s","side":"credit","amountFen":%d}]}"""
                .formatted(debit.startsWith("acct-") ? "grant" : "venue", on, on, debit, fen, credit, fen));
    }

    HttpProbe.Response publish(String account, String period) {
        return finance().postJson("/api/accounts/" + account + "/statements", "{\"period\":\"" + period + "\"}");
    }

    @Autowired
    org.federation.finance.statements.domain.Statements statementStore;

    /** The account of a new club with {@link Persona#MEMBER} as member (who may read its statements). */
    String clubAccount(String name) {
        String clubId = "stmt-" + UUID.randomUUID();
        ClubFacts.publish(ClubFacts.established(clubId, name, Persona.LEADER.subject(), List.of(Persona.MEMBER.subject())));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> accounts.find("acct-" + clubId).isPresent());
        return "acct-" + clubId;
    }

    @Test
    void twoFirstStatementsOfOneAccountPublishedAtOnceDoNotBothStartItsChain() {
        String account = clubAccount("围棋社");
        String other = org.federation.finance.statements.domain.Period.parse(M.minusMonths(1).toString()).statementId(account);
        // the statement of the month before is being published as the account's first, at this very moment
        assertThat(statementStore.startChain(account, "month", other, java.time.Instant.now())).isEqualTo(other);

        HttpProbe.Response second = publish(account, M.toString());

        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.body()).contains(other);
        assertThat(Persona.MEMBER.on(app()).get("/api/accounts/" + account + "/statements").json().get("totalItems").asInt())
                .isZero();

        // a first statement whose publication failed over a minute ago holds the chain no longer
        String abandoned = clubAccount("象棋社");
        statementStore.startChain(abandoned, "month",
                org.federation.finance.statements.domain.Period.parse(M.minusMonths(1).toString()).statementId(abandoned),
                java.time.Instant.now().minus(Duration.ofMinutes(2)));
        assertThat(publish(abandoned, M.toString()).status()).isEqualTo(201);
        JsonNode chain = Persona.MEMBER.on(app()).get("/api/accounts/" + abandoned + "/statement-chains/month").json();
        assertThat(chain.get("valid").asBoolean()).as(chain.toString()).isTrue();
    }

    @Autowired
    org.federation.finance.ledger.application.Ledger ledger;
    @Autowired
    org.federation.finance.ledger.application.BookingCalendar calendar;

    @Test
    void aRecordCheckedBeforeItsPeriodsStatementAndBookedAfterIsBookedTodayAndTheChainHolds() {
        String account = clubAccount("星空社");
        assertThat(book(account, "federation-income-other", 2_000, M.atDay(5)).status()).isEqualTo(201);
        // a fee batch paid in M: checked and recorded, then its request died before booking it; meanwhile M is published
        var late = org.federation.finance.ledger.domain.Transaction.create("late-" + UUID.randomUUID(),
                org.federation.finance.ledger.domain.Transaction.MANUAL, "grant", "paid in " + M, "test",
                new org.federation.finance.ledger.domain.Transaction.Source("manual", null, null), M.atDay(20),
                java.time.Instant.now(), List.of(org.federation.finance.ledger.domain.Line.debit(account, 300, null),
                        org.federation.finance.ledger.domain.Line.credit("federation-income-other", 300, null)), null);
        ledger.check(late);
        assertThat(publish(account, M.toString()).status()).isEqualTo(201);

        var posted = ledger.postChecked(late).transaction();

        assertThat(posted.bookedOn()).as("in the open period, not inside the published one").isEqualTo(calendar.today());
        assertThat(posted.description()).contains("dated " + M.atDay(20)).contains("had closed that period");
        assertThat(accounts.find(account).orElseThrow().balanceFen()).isEqualTo(2_300);
        JsonNode chain = Persona.MEMBER.on(app()).get("/api/accounts/" + account + "/statement-chains/month").json();
        assertThat(chain.get("valid").asBoolean()).as(chain.toString()).isTrue();
    }

    @Test
    void statementsArePublishedInOrderOnceChainedVerifiedAndTamperingIsDetected() {
        String clubId = "stmt-club-" + UUID.randomUUID();
        ClubFacts.publish(ClubFacts.established(clubId, "天文社", Persona.LEADER.subject(), List.of(Persona.MEMBER.subject())));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> accounts.find("acct-" + clubId).isPresent());
        String account = "acct-" + clubId;
        book(account, "federation-income-other", 1_000, M.minusMonths(1).atDay(20));
        book(account, "federation-income-other", 5_000, M.atDay(3));
        book("federation-expense-other", account, 1_200, M.atDay(17));
        book(account, "federation-income-other", 700, M.plusMonths(1).atDay(2));

        HttpProbe.Response first;
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            first = publish(account, M.toString());
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            TopicProbe.Seen publication = probe.await(s -> first.json().get("id").asString().equals(s.key()),
                    Duration.ofSeconds(20)).get(0);
            assertThat(publication.headers()).as("published by the Finance Department member")
                    .containsEntry("ce_actor", Persona.FINANCE_MEMBER.subject());
            JsonNode published = json.readTree(publication.payload());
            assertThat(published.get("clubId").asString()).isEqualTo(clubId);
            assertThat(published.get("closingFen").asLong()).isEqualTo(4_800);
            assertThat(published.get("hash").asString()).isEqualTo(first.json().get("hash").asString());
        }
        assertThat(first.json().get("openingFen").asLong()).as("what was booked before the first period").isEqualTo(1_000);
        assertThat(first.json().get("entries").size()).isEqualTo(2);
        assertThat(first.json().get("incomeFen").asLong()).isEqualTo(5_000);
        assertThat(first.json().get("spendingFen").asLong()).isEqualTo(1_200);

        assertThat(publish(account, M.toString()).status()).as("published once").isEqualTo(409);
        assertThat(publish(account, M.plusMonths(2).toString()).body()).contains("publish that before")
                .contains(M.plusMonths(1).toString());
        assertThat(publish(account, YearMonth.now(ZoneId.of("Asia/Shanghai")).toString()).status()).as("not over").isEqualTo(409);
        HttpProbe.Response second = publish(account, M.plusMonths(1).toString());
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("openingFen").asLong()).isEqualTo(first.json().get("closingFen").asLong());
        assertThat(second.json().get("previousHash").asString()).isEqualTo(first.json().get("hash").asString());

        HttpProbe.Response late = book(account, "federation-income-other", 1, M.atDay(28));
        assertThat(late.status()).as("a published period is closed").isEqualTo(409);
        assertThat(late.body()).contains("closed for");

        HttpProbe member = Persona.MEMBER.on(app());
        JsonNode chain = member.get("/api/accounts/" + account + "/statement-chains/month").json();
        assertThat(chain.get("valid").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.get("statements").asInt()).isEqualTo(2);
        assertThat(member.get("/api/accounts/" + account + "/statements").json().get("totalItems").asInt()).isEqualTo(2);

        HttpProbe.Response csv = member.get("/api/accounts/" + account + "/statements/" + M + "/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("X-Statement-Hash")).isEqualTo(first.json().get("hash").asString());
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.get(0)).endsWith("date,transactionId,kind,category,description,inFen,outFen,balanceFen,reverses");
        assertThat(rows.get(1)).contains("opening").endsWith(",1000,");
        assertThat(rows).hasSize(6);
        assertThat(rows.get(4)).contains("closing").contains(",4800,");
        assertThat(rows.get(5)).contains("sha256=" + first.json().get("hash").asString());

        HttpProbe.Download pdf = member.download("/api/accounts/" + account + "/statements/" + M + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.headers().get("X-Statement-Hash")).containsExactly(first.json().get("hash").asString());
        String printed = pdf.pdfText();
        assertThat(printed).contains("天文社 收支报表 Statement " + M, "按类别收支", "grant", "venue",
                "期初 Opening ¥10.00", "收入 Income ¥50.00", "支出 Spending ¥12.00", "期末 Closing ¥48.00",
                "SHA-256 " + first.json().get("hash").asString());
        assertThat(Persona.OTHER_LEADER.on(app()).download("/api/accounts/" + account + "/statements/" + M + "/pdf")
                .status()).isEqualTo(403);

        mongo.updateFirst(query(where("_id").is(first.json().get("id").asString())),
                new Update().set("entries.1.outFen", 120L), "statements");
        JsonNode tampered = member.get("/api/accounts/" + account + "/statement-chains/month").json();
        assertThat(tampered.get("valid").asBoolean()).isFalse();
        assertThat(tampered.get("problems").toString()).contains("does not match its hash");
        assertThat(Persona.OTHER_LEADER.on(app()).get("/api/accounts/" + account + "/statements/" + M).status()).isEqualTo(403);
        assertThat(app().get("/api/accounts/" + account + "/statements/" + M).status()).isEqualTo(401);
    }

    @Test
    void theFederationsStatementsAndTheirChainAreOpenToAnyone() {
        String account = "federation-budget-office";
        LocalDate day = LocalDate.of(2020, 1, 15);
        assertThat(book(account, "federation-income-other", 30_000, day).status()).isEqualTo(201);
        assertThat(publish(account, "2020-01").status()).isEqualTo(201);
        assertThat(publish(account, "2019-autumn").status()).isEqualTo(201);

        HttpProbe anyone = app();
        JsonNode statement = anyone.get("/api/accounts/" + account + "/statements/2020-01").json();
        assertThat(statement.get("closingFen").asLong()).isEqualTo(30_000);
        assertThat(anyone.get("/api/accounts/" + account + "/statements/2020-01/csv").status()).isEqualTo(200);
        HttpProbe.Download pdf = anyone.download("/api/accounts/" + account + "/statements/2020-01/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.pdfText()).contains("federation-budget-office", "¥300.00");
        // published, so immutable: printed once, served again byte for byte, cacheable by anyone, revalidated with 304
        double printings = meters.counter("finance.statements.printed").count();
        HttpProbe.Download again = anyone.download("/api/accounts/" + account + "/statements/2020-01/pdf");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(pdf.body());
        assertThat(meters.counter("finance.statements.printed").count()).as("not printed again").isEqualTo(printings);
        assertThat(pdf.headers().get("Cache-Control")).containsExactly("max-age=31536000, public, immutable");
        String etag = pdf.headers().get("ETag").get(0);
        assertThat(etag).startsWith("W/\"stmt-");
        assertThat(again.headers().get("ETag")).containsExactly(etag);
        HttpProbe.Download unchanged = anyone.with("If-None-Match", etag)
                .download("/api/accounts/" + account + "/statements/2020-01/pdf");
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(anyone.get("/api/accounts/" + account + "/statements?kind=semester").json().get("totalItems").asInt())
                .isEqualTo(1);
        assertThat(anyone.get("/api/accounts/" + account + "/statement-chains/month").json().get("valid").asBoolean()).isTrue();
        assertThat(anyone.get("/api/accounts/" + account).status()).as("the account itself is not public").isEqualTo(401);
        assertThat(anyone.postJson("/api/accounts/" + account + "/statements", "{\"period\":\"2020-02\"}").status())
                .isEqualTo(401);
    }
}
