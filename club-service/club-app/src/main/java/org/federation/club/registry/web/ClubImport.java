package org.federation.club.registry.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.federation.club.registry.application.ClubRegistry;
import org.federation.club.registry.domain.Club;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.federation.platform.web.CsvTable;
import org.federation.platform.web.FieldError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.server.PayloadTooLargeException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Imports many existing clubs from a CSV file. Each row is validated exactly like a single
 * {@code POST /api/clubs} and stands on its own: a bad row is reported and the others go in.
 */
@Component
class ClubImport {

    private final ClubRegistry registry;
    private final Validator validator;
    private final int maxRows;

    ClubImport(ClubRegistry registry, Validator validator, @Value("${federation.clubs.import-max-rows}") int maxRows) {
        this.registry = registry;
        this.validator = validator;
        this.maxRows = maxRows;
    }

    ImportReport importCsv(String csv, String actor) {
        CsvTable table = CsvTable.parse(csv, ExistingClubRequest.CSV_COLUMNS);
        if (table.rows().size() > maxRows) {
            throw new PayloadTooLargeException(new IllegalArgumentException(
                    "the file has " + table.rows().size() + " rows; at most " + maxRows + " can be imported at once"));
        }
        List<ImportReport.RowOutcome> outcomes = new ArrayList<>();
        int created = 0;
        for (CsvTable.Row row : table.rows()) {
            ImportReport.RowOutcome outcome = importRow(row, actor);
            if (outcome.clubId() != null) {
                created++;
            }
            outcomes.add(outcome);
        }
        return new ImportReport(created, outcomes.size() - created, outcomes);
    }

    private ImportReport.RowOutcome importRow(CsvTable.Row row, String actor) {
        if (row.problem() != null) {
            return rejected(row, List.of(new FieldError("row", row.problem())));
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate foundedOn = null;
        String date = row.get("foundedOn");
        if (date != null) {
            try {
                foundedOn = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("foundedOn", "'" + date + "' is not an ISO date such as 2019-09-01"));
            }
        }
        ExistingClubRequest request = new ExistingClubRequest(row.get("name"), row.get("category"), foundedOn,
                row.get("leaderName"), row.get("leaderStudentNumber"), row.get("contact"));
        boolean dateAlreadyReported = !errors.isEmpty();
        validator.validate(request).stream()
                .filter(v -> !(dateAlreadyReported && "foundedOn".equals(v.getPropertyPath().toString())))
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
        if (!errors.isEmpty()) {
            return rejected(row, errors);
        }
        try {
            Club club = registry.registerExisting(request.toExistingClub(), actor);
            return new ImportReport.RowOutcome(row.line(), "created", club.id(), club.name(), List.of());
        } catch (StateConflictException e) {
            return rejected(row, List.of(new FieldError("name", e.getMessage())));
        } catch (RuleViolationException e) {
            return rejected(row, List.of(new FieldError(e.field(), e.getMessage())));
        }
    }

    private static ImportReport.RowOutcome rejected(CsvTable.Row row, List<FieldError> errors) {
        return new ImportReport.RowOutcome(row.line(), "rejected", null, row.get("name"), errors);
    }
}
