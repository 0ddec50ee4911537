package org.federation.event.report.web;

import java.util.List;

import org.federation.event.report.application.SummaryReports;
import org.federation.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonAlias;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An activity's summary report: submitted (and revised) by its organisers after the end. */
@RestController
@RequestMapping("/api/activities/{id}/report")
@Validated
class ReportController {

    private final SummaryReports reports;

    ReportController(SummaryReports reports) {
        this.reports = reports;
    }

    record Submission(@NotBlank @Size(max = 20_000) String summary,
                      @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+",
                              message = "an http(s) link") String> links,
                      @JsonAlias("spending") @Size(max = 2000) String spendingRemarks,
                      @Size(max = 20_000) String feedback) {
    }

    @PutMapping
    SummaryReports.Report submit(@PathVariable String id, @Valid @RequestBody Submission body, Caller caller) {
        return reports.submit(id, body.summary().strip(), body.links(), body.spendingRemarks(), body.feedback(), caller);
    }

    @GetMapping
    SummaryReports.Report get(@PathVariable String id, Caller caller) {
        return reports.get(id, caller);
    }
}
