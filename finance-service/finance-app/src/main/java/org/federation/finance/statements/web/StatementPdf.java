package org.federation.finance.statements.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.federation.finance.statements.domain.Statement;
import org.federation.platform.domain.FederationCalendar;
import org.federation.platform.printing.BarChart;
import org.federation.platform.printing.Column;
import org.federation.platform.printing.PrintedDocument;

/**
 * A statement as a printable A4 document: its balances, a chart of income and spending by
 * category (people would rather look than read), every entry, and the hashes that let a reader
 * check it against the published chain. Labels are in Chinese and English.
 */
final class StatementPdf {

    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private StatementPdf() {
    }

    static byte[] of(Statement s) {
        PrintedDocument pdf = PrintedDocument.portrait(s.accountName() + " 收支报表 Statement " + s.period())
                .heading(s.accountName() + " 收支报表 Statement " + s.period())
                .text("账户 Account " + s.accountId() + "   期间 Period " + s.from() + " – " + s.to().minusDays(1))
                .text("期初 Opening " + yuan(s.openingFen()) + "   收入 Income " + yuan(s.incomeFen()) + "   支出 Spending "
                        + yuan(s.spendingFen()) + "   期末 Closing " + yuan(s.closingFen()))
                .text("发布 Published " + PUBLISHED.format(s.publishedAt().atZone(FederationCalendar.ZONE)) + " (" + FederationCalendar.ZONE + ") by "
                        + s.publishedBy())
                .gap()
                .barChart(new BarChart("按类别收支 Income and spending by category", List.of("收入 income", "支出 spending"),
                        s.byCategory().entrySet().stream().map(StatementPdf::group).toList(), StatementPdf::yuan))
                .table(List.of(Column.text("日期 Date", 1.1), Column.text("类别 Category", 1.2),
                                Column.text("摘要 Description", 3.2), Column.amount("收入 In", 1.1),
                                Column.amount("支出 Out", 1.1), Column.amount("余额 Balance", 1.3)),
                        s.entries().stream().map(StatementPdf::row).toList())
                .text("SHA-256 " + s.hash())
                .text("上期 Previous " + (s.previousHash() == null ? "none (the first statement of its chain)"
                        : s.previousHash()))
                .text("核验 Verify: GET /api/accounts/" + s.accountId() + "/statement-chains/" + s.periodKind());
        return pdf.toPdf();
    }

    private static BarChart.Group group(Map.Entry<String, long[]> category) {
        return new BarChart.Group(category.getKey(), List.of(category.getValue()[0], category.getValue()[1]));
    }

    private static List<String> row(Statement.Entry e) {
        String description = e.reverses() == null ? e.description() : e.description() + " (reverses " + e.reverses() + ")";
        return List.of(e.bookedOn().toString(), e.category(), description, e.inFen() == 0 ? "" : yuan(e.inFen()),
                e.outFen() == 0 ? "" : yuan(e.outFen()), yuan(e.balanceFen()));
    }

    /** Fen as yuan the way people read money: ¥1,234.56, negative balances with a minus sign. */
    static String yuan(long fen) {
        long abs = Math.abs(fen);
        return (fen < 0 ? "-¥" : "¥") + String.format(Locale.ROOT, "%,d.%02d", abs / 100, abs % 100);
    }
}
