package org.federation.finance.statements.web;

import org.federation.finance.statements.domain.Statement;
import org.federation.platform.web.CsvExport;

/**
 * A statement as CSV (the platform's {@link CsvExport}: UTF-8 with a byte-order mark, formula
 * cells guarded): one row for the opening balance, one per entry, one for the closing balance and
 * one with the hashes. Amounts are in fen.
 */
final class StatementCsv {

    static final String HEADER = "date,transactionId,kind,category,description,inFen,outFen,balanceFen,reverses";

    private StatementCsv() {
    }

    static CsvExport of(Statement s) {
        CsvExport csv = CsvExport.withHeader(HEADER.split(","));
        csv.row(s.from().toString(), "", "opening", "", "Opening balance of " + s.accountName() + " for " + s.period(),
                "", "", Long.toString(s.openingFen()), "");
        for (Statement.Entry e : s.entries()) {
            csv.row(e.bookedOn().toString(), e.transactionId(), e.kind(), e.category(), e.description(),
                    Long.toString(e.inFen()), Long.toString(e.outFen()), Long.toString(e.balanceFen()), e.reverses());
        }
        csv.row(s.to().minusDays(1).toString(), "", "closing", "", "Closing balance (income " + s.incomeFen()
                + ", spending " + s.spendingFen() + ")", Long.toString(s.incomeFen()), Long.toString(s.spendingFen()),
                Long.toString(s.closingFen()), "");
        return csv.row("", s.id(), "hash", "", "sha256=" + s.hash() + " previous=" + (s.previousHash() == null ? "none"
                : s.previousHash()), "", "", "", "");
    }
}
