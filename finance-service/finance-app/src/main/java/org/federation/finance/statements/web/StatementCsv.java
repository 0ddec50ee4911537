package org.federation.finance.statements.web;

import org.federation.finance.statements.domain.Statement;

/**
 * A statement as CSV (UTF-8 with a byte-order mark, so spreadsheet programs show Chinese text):
 * one row for the opening balance, one per entry, one for the closing balance and one with the
 * hashes. Amounts are in fen. A value that a spreadsheet would run as a formula is prefixed with
 * an apostrophe.
 */
final class StatementCsv {

    static final String HEADER = "date,transactionId,kind,category,description,inFen,outFen,balanceFen,reverses";

    private StatementCsv() {
    }

    static String of(Statement s) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        row(csv, s.from().toString(), "", "opening", "", "Opening balance of " + s.accountName() + " for " + s.period(),
                "", "", Long.toString(s.openingFen()), "");
        for (Statement.Entry e : s.entries()) {
            row(csv, e.bookedOn().toString(), e.transactionId(), e.kind(), e.category(), e.description(),
                    Long.toString(e.inFen()), Long.toString(e.outFen()), Long.toString(e.balanceFen()),
                    e.reverses() == null ? "" : e.reverses());
        }
        row(csv, s.to().minusDays(1).toString(), "", "closing", "", "Closing balance (income " + s.incomeFen()
                + ", spending " + s.spendingFen() + ")", Long.toString(s.incomeFen()), Long.toString(s.spendingFen()),
                Long.toString(s.closingFen()), "");
        row(csv, "", s.id(), "hash", "", "sha256=" + s.hash() + " previous=" + (s.previousHash() == null ? "none"
                : s.previousHash()), "", "", "", "");
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+")
                ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
