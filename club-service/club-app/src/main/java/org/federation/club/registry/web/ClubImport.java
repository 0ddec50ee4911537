package org.federation.club.registry.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.federation.club.registry.application.ClubRegistry;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubName;
import org.federation.club.registry.domain.Clubs;
import org.federation.platform.problem.RejectedEntriesException;
import org.federation.platform.web.CsvTable;
import org.federation.platform.web.FieldError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.server.PayloadTooLargeException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Imports many existing clubs from a CSV file, all or nothing. Each row is validated exactly
 * like a single {@code POST /api/clubs}, and against the clubs already on the platform and the
 * file's other rows; if any row is bad, nothing is imported and the answer (422) names every bad
 * row and why, so the department fixes the file once and sends it again.
 */
@Component
class ClubImport {

    private record CheckedRow(CsvTable.Row row, ExistingClubRequest request, List<FieldError> errors) {
    }

    private final ClubRegistry registry;
    private final Clubs clubs;
    private final Validator validator;
    private final int maxRows;

    ClubImport(ClubRegistry registry, Clubs clubs, Validator validator,
               @Value("${federation.clubs.import-max-rows}") int maxRows) {
        this.registry = registry;
        this.clubs = clubs;
        this.validator = validator;
        this.maxRows = maxRows;
    }

    ImportReport importCsv(String csv, String actor) {
        CsvTable table = CsvTable.parse(csv, ExistingClubRequest.CSV_COLUMNS);
        if (table.rows().size() > maxRows) {
            throw new PayloadTooLargeException(new IllegalArgumentException(
                    "the file has " + table.rows().size() + " rows; at most " + maxRows + " can be imported at once"));
        }
        if (table.rows().isEmpty()) {
            throw new RejectedEntriesException("the file has a header but no rows; nothing to import", List.of());
        }
        Map<String, Integer> firstLineOfName = new HashMap<>();
        List<CheckedRow> checked = table.rows().stream().map(row -> check(row, firstLineOfName)).toList();
        List<ImportReport.RowOutcome> rejected = checked.stream().filter(c -> !c.errors().isEmpty())
                .map(c -> new ImportReport.RowOutcome(c.row().line(), "rejected", null, c.row().get("name"), c.errors()))
                .toList();
        if (!rejected.isEmpty()) {
            throw new RejectedEntriesException(rejected.size() + " of " + checked.size()
                    + " rows cannot be imported, so none was; fix the rows listed under 'rejected' and send the file again",
                    rejected);
        }
        List<ImportReport.RowOutcome> created = new ArrayList<>();
        for (CheckedRow row : checked) {
            Club club = registry.registerExisting(row.request().toExistingClub(), actor);
            created.add(new ImportReport.RowOutcome(row.row().line(), "created", club.id(), club.name(), List.of()));
        }
        return new ImportReport(created.size(), created);
    }

    private CheckedRow check(CsvTable.Row row, Map<String, Integer> firstLineOfName) {
        if (row.problem() != null) {
            return new CheckedRow(row, null, List.of(new FieldError("row", row.problem())));
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
                row.get("leaderName"), row.get("leaderStudentNumber"), row.get("contact"), List.of());
        boolean dateAlreadyReported = !errors.isEmpty();
        validator.validate(request).stream()
                .filter(v -> !(dateAlreadyReported && "foundedOn".equals(v.getPropertyPath().toString())))
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
        String name = row.get("name");
        if (name != null && !name.isBlank()) {
            Integer earlier = firstLineOfName.putIfAbsent(ClubName.key(name), row.line());
            if (earlier != null) {
                errors.add(new FieldError("name", "'" + name.strip() + "' is also on line " + earlier + " of this file"));
            } else if (clubs.nameTaken(name)) {
                errors.add(new FieldError("name", "a club named '" + name.strip() + "' already exists"));
            } else {
                registry.reservationOf(name).ifPresent(holder -> errors.add(new FieldError("name",
                        "the name '" + name.strip() + "' is held by " + holder)));
            }
        }
        return new CheckedRow(row, request, errors);
    }
}
