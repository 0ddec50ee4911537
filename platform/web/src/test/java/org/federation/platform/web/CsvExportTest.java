package org.federation.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** CSV downloads: quoting, formula guard, byte-order mark, and that {@link CsvTable} reads them back. */
class CsvExportTest {

    @Test
    void cellsWithCommasQuotesAndLineBreaksAreQuotedAndReadBackUnchanged() {
        CsvExport csv = CsvExport.withHeader("name", "note")
                .row("Smith, \"Jr\"", "line one\nline two")
                .row("王伟", null);
        String text = csv.text();
        assertThat(text).startsWith("\uFEFFname,note\r\n");
        assertThat(text).contains("\"Smith, \"\"Jr\"\"\",\"line one\nline two\"\r\n", "王伟,\r\n");
        List<CsvTable.Row> rows = CsvTable.parse(text, List.of("name", "note")).rows();
        assertThat(rows.get(0).get("name")).isEqualTo("Smith, \"Jr\"");
        assertThat(rows.get(0).get("note")).isEqualTo("line one\nline two");
        assertThat(rows.get(1).get("note")).isNull();
        assertThat(new String(csv.bytes(), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsDefusedButNumbersStayNumbers() {
        assertThat(CsvExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvExport.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(CsvExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.cell("-12")).isEqualTo("-12");
        assertThat(CsvExport.cell("-0.5")).isEqualTo("-0.5");
        assertThat(CsvExport.cell("")).isEmpty();
    }

    @Test
    void aRowMustHaveACellPerColumn() {
        assertThatThrownBy(() -> CsvExport.withHeader("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
