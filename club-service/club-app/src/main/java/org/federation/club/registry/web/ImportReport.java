package org.federation.club.registry.web;

import java.util.List;

import org.federation.platform.web.FieldError;

/**
 * What a bulk import did, row by row. An import is all or nothing: a refused file answers 422
 * with the rejected rows (same {@link RowOutcome} shape) under {@code rejected}.
 *
 * @param created  how many clubs were created
 * @param rows     one entry per data row of the file, in file order
 */
public record ImportReport(int created, List<RowOutcome> rows) {

    /**
     * @param line    the row's line number in the file (the header is line 1)
     * @param outcome {@code created} or {@code rejected}
     * @param clubId  the new club's id, when created
     * @param name    the name on the row, if any
     * @param errors  why the row was rejected
     */
    public record RowOutcome(int line, String outcome, String clubId, String name, List<FieldError> errors) {
    }
}
