package org.federation.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV download (RFC 4180): a header line, then rows; a cell holding a comma, a quote or a line
 * break is quoted, with quotes doubled. The text starts with a byte-order mark so spreadsheet
 * programs read it as UTF-8 (Chinese names), and a cell a spreadsheet would run as a formula
 * ({@code =}, {@code +}, {@code -}, {@code @} first, other than a plain number) gets an apostrophe
 * in front. The reading side is {@link CsvTable}.
 */
public final class CsvExport {

    /** The media type to answer with. */
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private final StringBuilder text = new StringBuilder("\uFEFF");
    private final int columns;

    private CsvExport(List<String> header) {
        this.columns = header.size();
        line(header);
    }

    /** A new export whose first line names these columns. */
    public static CsvExport withHeader(String... header) {
        return new CsvExport(List.of(header));
    }

    public static CsvExport withHeader(List<String> header) {
        return new CsvExport(header);
    }

    /** Adds a row; null cells are written empty. */
    public CsvExport row(List<String> cells) {
        if (cells.size() != columns) {
            throw new IllegalArgumentException("a row has " + cells.size() + " cells for " + columns + " columns");
        }
        line(cells);
        return this;
    }

    public CsvExport row(String... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    public String text() {
        return text.toString();
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** One cell as written: guarded against formulas, quoted when it must be. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")
                ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private void line(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
    }
}
