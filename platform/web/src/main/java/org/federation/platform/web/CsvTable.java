package org.federation.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.federation.platform.problem.RuleViolationException;

/**
 * A CSV upload (RFC 4180: comma separated, optional double quotes, quotes doubled inside them)
 * read into rows keyed by the header's column names. A structurally broken row is kept with its
 * problem, so an import can report it and carry on with the others.
 */
public final class CsvTable {

    /** One data row: its line number in the file, its values by column, or why it could not be read. */
    public record Row(int line, Map<String, String> values, String problem) {

        public String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private final List<Row> rows;

    private CsvTable(List<Row> rows) {
        this.rows = rows;
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * Parses {@code text}, whose first line must name exactly {@code columns} (in any order,
     * case-insensitive).
     *
     * @throws RuleViolationException if the header is missing or does not name the columns
     */
    public static CsvTable parse(String text, List<String> columns) {
        List<List<String>> lines = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        split(stripBom(text), lines, lineNumbers, problems);
        if (lines.isEmpty()) {
            throw new RuleViolationException("file", "the CSV is empty; the first line must be the header "
                    + String.join(",", columns));
        }
        List<String> header = lines.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> expected = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        if (!header.containsAll(expected) || header.size() != expected.size()) {
            throw new RuleViolationException("file", "the header must name the columns " + String.join(",", columns)
                    + " but was " + String.join(",", lines.get(0)));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            int line = lineNumbers.get(i);
            if (problems.get(i) != null) {
                rows.add(new Row(line, Map.of(), problems.get(i)));
            } else if (cells.size() != header.size()) {
                rows.add(new Row(line, Map.of(), "expected " + header.size() + " columns but found " + cells.size()));
            } else {
                Map<String, String> values = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    values.put(columns.get(expected.indexOf(header.get(c))), cells.get(c));
                }
                rows.add(new Row(line, values, null));
            }
        }
        return new CsvTable(rows);
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static void split(String text, List<List<String>> lines, List<Integer> lineNumbers, List<String> problems) {
        int lineNumber = 1;
        int i = 0;
        while (i < text.length()) {
            int startLine = lineNumber;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean endOfRecord = false;
            String problem = null;
            while (i < text.length() && !endOfRecord) {
                char ch = text.charAt(i++);
                if (quoted) {
                    if (ch == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (ch == '\n') {
                            lineNumber++;
                        }
                        cell.append(ch);
                    }
                } else if (ch == '"' && cell.isEmpty()) {
                    quoted = true;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && i < text.length() && text.charAt(i) == '\n') {
                        i++;
                    }
                    lineNumber++;
                    endOfRecord = true;
                } else {
                    cell.append(ch);
                }
            }
            if (quoted) {
                problem = "a quoted value is not closed";
            }
            cells.add(cell.toString());
            boolean blank = cells.size() == 1 && cells.get(0).isBlank();
            if (!blank) {
                lines.add(cells);
                lineNumbers.add(startLine);
                problems.add(problem);
            }
        }
    }
}
