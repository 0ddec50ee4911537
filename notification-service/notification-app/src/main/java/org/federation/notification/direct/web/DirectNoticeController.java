package org.federation.notification.direct.web;

import java.net.URI;
import java.util.List;

import org.federation.notification.direct.application.AcknowledgementReports;
import org.federation.notification.direct.application.AcknowledgementReports.AcknowledgementView;
import org.federation.notification.direct.application.DirectNoticeDraft;
import org.federation.notification.direct.application.DirectNotices;
import org.federation.notification.direct.domain.DirectNotice;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Departments' direct notices: send one (its department's members and head, or the presidium for
 * any department), list and read them, and see per club who acknowledged and who did not.
 */
@RestController
@RequestMapping("/api/direct-notices")
@Validated
class DirectNoticeController {

    static final String DEPARTMENTS = "organization|finance|evaluation|publicity|external-relations|office";
    /** An ISO-8601 duration in days, hours, minutes and seconds (e.g. {@code PT12H}, {@code P2D}); its value is checked after. */
    static final String DURATION = "P[0-9DTHMS.]{1,30}";
    static final String DURATION_MESSAGE = "must be an ISO-8601 duration such as PT12H or P2D";
    static final String CATEGORIES = "academic-technology|arts-culture|sports|volunteering|entrepreneurship|other";

    /** A notice to send: to whom, and whether it must be acknowledged by a deadline. */
    record DirectNoticeRequest(@NotNull @Pattern(regexp = DEPARTMENTS) String department,
                               @NotBlank @Size(max = 200) String title,
                               @NotBlank @Size(max = 10_000) String body,
                               @NotNull @Pattern(regexp = "all-clubs|category|clubs|liaison-officers") String audience,
                               @Pattern(regexp = CATEGORIES) String category,
                               @Size(max = 500) List<@NotBlank @Size(max = 100) String> clubIds,
                               @Pattern(regexp = "leaders|members") String reach,
                               @Size(max = 40) @IsoTime String acknowledgeBy,
                               @Pattern(regexp = DURATION, message = DURATION_MESSAGE) String escalateToLiaisonAfter,
                               @Pattern(regexp = DURATION, message = DURATION_MESSAGE) String escalateToHeadAfter) {

        DirectNoticeDraft draft() {
            return new DirectNoticeDraft(department, title, body, audience, category, clubIds, reach, acknowledgeBy,
                    escalateToLiaisonAfter, escalateToHeadAfter);
        }
    }

    private final DirectNotices directNotices;
    private final AcknowledgementReports acknowledgements;

    DirectNoticeController(DirectNotices directNotices, AcknowledgementReports acknowledgements) {
        this.directNotices = directNotices;
        this.acknowledgements = acknowledgements;
    }

    @PostMapping
    ResponseEntity<DirectNotice> send(@RequestBody @Valid DirectNoticeRequest request, Caller caller) {
        DirectNotice stored = directNotices.send(request.draft(), caller);
        return ResponseEntity.accepted().location(URI.create("/api/direct-notices/" + stored.id())).body(stored);
    }

    @GetMapping
    PageOf<DirectNotice> list(@RequestParam(required = false) @Pattern(regexp = DEPARTMENTS) String department,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        return directNotices.newestFirst(department, page, size, caller);
    }

    @GetMapping("/{id}")
    DirectNotice get(@PathVariable @Size(max = 100) String id, Caller caller) {
        return directNotices.readable(id, caller);
    }

    @GetMapping("/{id}/acknowledgements")
    AcknowledgementView acknowledgements(@PathVariable @Size(max = 100) String id,
                                         @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                         @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size, Caller caller) {
        return acknowledgements.of(id, page, size, caller);
    }
}
