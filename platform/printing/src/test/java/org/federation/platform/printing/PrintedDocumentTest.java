package org.federation.platform.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PrintedDocumentTest {

    @Test
    void printsChineseTextTablesChartsAndGridsOnFootedPages() throws IOException {
        List<List<String>> rows = IntStream.range(0, 120)
                .mapToObj(i -> List.of("2026-09-" + (i % 28 + 1), "会费 第" + i + "笔", String.valueOf(i * 100)))
                .toList();
        byte[] pdf = PrintedDocument.portrait("书法协会 2026年9月 收支报表")
                .heading("书法协会 收支报表")
                .text("期初余额 ¥1,000.00，期末余额 ¥2,345.67")
                .barChart(new BarChart("按类别收支", List.of("收入", "支出"),
                        List.of(new BarChart.Group("会费", List.of(120_000L, 0L)),
                                new BarChart.Group("活动经费", List.of(50_000L, 80_000L))),
                        fen -> "¥" + fen / 100))
                .table(List.of(Column.text("日期", 1), Column.text("摘要", 3), Column.amount("金额", 1)), rows)
                .boxGrid(List.of("第1排"), List.of(java.util.Arrays.asList(new PrintedDocument.Box("张三", "书法协会"), null)))
                .toPdf();

        try (PDDocument read = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(read);
            assertThat(read.getNumberOfPages()).isGreaterThan(2);
            assertThat(text).contains("书法协会 收支报表", "按类别收支", "活动经费", "会费 第119笔", "张三",
                    "page 1 / " + read.getNumberOfPages());
            // the table's header repeats on the pages it continues on
            assertThat(text.split("摘要", -1)).hasSize(read.getNumberOfPages() + 1);
        }
        // a subset of the font is embedded, not its 4 MB
        assertThat(pdf.length).isLessThan(200_000);
    }

    @Test
    void textTheFontCannotDrawIsPrintedAsQuestionMarksNotAFailure() throws IOException {
        byte[] pdf = PrintedDocument.portrait("反馈").text("好评 \uD83D\uDE00 line\nbreak\tand tab").toPdf();

        try (PDDocument read = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(read)).contains("好评 ? line break and tab");
        }
    }

    @Test
    void aCellTooLongForItsColumnIsShortenedNotSpilled() throws IOException {
        String longName = "非常非常非常非常非常非常非常非常非常非常非常非常长的社团名称";
        byte[] pdf = PrintedDocument.landscape("名单")
                .table(List.of(Column.text("社团", 1), Column.text("备注", 6)), List.of(List.of(longName, "x")))
                .toPdf();

        try (PDDocument read = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(read)).doesNotContain(longName).contains("非常非常");
        }
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        assertThatThrownBy(() -> PrintedDocument.portrait("x")
                .table(List.of(Column.text("a", 1), Column.text("b", 1)), List.of(List.of("only one"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChartRefusesNegativeBars() {
        assertThatThrownBy(() -> new BarChart.Group("退款", List.of(-1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
