package org.federation.event.activities.web;

import org.federation.event.EventResources;
import org.federation.platform.security.Remit;
import java.time.Instant;
import java.util.List;

import org.federation.event.activities.application.ActivityPlanning;
import org.federation.event.activities.application.PublicCalendar;
import org.federation.event.activities.domain.Activity;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Activities from proposal to approval, their changes and cancellation. Everything here needs a token. */
@RestController
@RequestMapping("/api/activities")
@Validated
class ActivityController {

    static final String STATES = "awaiting-confirmation|proposed|approved|returned|cancelled";
    static final String ID = "[A-Za-z0-9-]{1,80}";

    private final ActivityPlanning planning;
    private final PublicCalendar calendar;

    ActivityController(ActivityPlanning planning, PublicCalendar calendar) {
        this.planning = planning;
        this.calendar = calendar;
    }

    record Proposal(@NotBlank @Size(max = 120) String title,
                    @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "a kind such as lecture or club-cup") String kind,
                    @Size(max = 4000) String description,
                    @NotNull Instant start,
                    @NotNull Instant end,
                    @NotBlank @Size(max = 120) String venue,
                    @NotNull @Pattern(regexp = "public|members|invited") String audience,
                    @NotNull @Min(1) @Max(100_000) Integer expectedSize,
                    @Min(1) @Max(100_000) Integer capacity,
                    @Size(max = 10) List<@NotBlank @Pattern(regexp = ID) String> clubs,
                    @Pattern(regexp = "organization|finance|evaluation|publicity|external-relations|office") String department) {
    }

    record Confirmation(@Pattern(regexp = ID) String clubId) {
    }

    record Return(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 1000) String> reasons) {
    }

    record Reschedule(@NotNull Instant start, @NotNull Instant end, @NotBlank @Size(max = 120) String venue) {
    }

    record Cancellation(@NotBlank @Size(max = 1000) String reason) {
    }

    /** What the organisers change in a returned proposal; everything left out stays as it was. */
    record Resubmission(@Size(max = 120) @Pattern(regexp = NOT_BLANK, message = "not blank") String title,
                        @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "a kind such as lecture or club-cup") String kind,
                        @Size(max = 4000) String description,
                        Instant start,
                        Instant end,
                        @Size(max = 120) @Pattern(regexp = NOT_BLANK, message = "not blank") String venue,
                        @Pattern(regexp = "public|members|invited") String audience,
                        @Min(1) @Max(100_000) Integer expectedSize,
                        @Min(1) @Max(100_000) Integer capacity) {
    }

    static final String NOT_BLANK = "(?s).*\\S.*";

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Activity propose(@Valid @RequestBody Proposal body, Caller caller) {
        Activity.Plan plan = new Activity.Plan(body.title().strip(), body.kind(),
                body.description() == null ? null : body.description().strip(), body.start(), body.end(),
                body.venue().strip(), body.audience(), body.expectedSize(), body.capacity());
        return planning.propose(plan, body.clubs(), body.department(), caller);
    }

    /** The review queue and the record of every proposal: for the Organization and Evaluation Departments and the presidium. */
    @GetMapping
    PageOf<Activity> list(@RequestParam(required = false) @Pattern(regexp = STATES) String state,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
        Remit.requireReads(caller, EventResources.ACTIVITIES, "the list of all activities");
        return calendar.all(state, page, size);
    }

    @GetMapping("/{id}")
    Activity get(@PathVariable String id, Caller caller) {
        return planning.read(id, caller);
    }

    @PostMapping("/{id}/confirmation")
    Activity confirm(@PathVariable String id, @Valid @RequestBody(required = false) Confirmation body, Caller caller) {
        return planning.confirm(id, body == null ? null : body.clubId(), caller);
    }

    @PostMapping("/{id}/approval")
    Activity approve(@PathVariable String id, Caller caller) {
        return planning.approve(id, caller);
    }

    @PostMapping("/{id}/return")
    Activity returnWith(@PathVariable String id, @Valid @RequestBody Return body, Caller caller) {
        return planning.returnWith(id, body.reasons().stream().map(String::strip).toList(), caller);
    }

    @PostMapping("/{id}/resubmission")
    Activity resubmit(@PathVariable String id, @Valid @RequestBody(required = false) Resubmission body, Caller caller) {
        Activity.Edit edit = body == null ? Activity.Edit.none() : new Activity.Edit(strip(body.title()), body.kind(),
                strip(body.description()), body.start(), body.end(), strip(body.venue()), body.audience(),
                body.expectedSize(), body.capacity());
        return planning.resubmit(id, edit, caller);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    @PostMapping("/{id}/reschedule")
    Activity reschedule(@PathVariable String id, @Valid @RequestBody Reschedule body, Caller caller) {
        return planning.reschedule(id, body.start(), body.end(), body.venue().strip(), caller);
    }

    @PostMapping("/{id}/cancellation")
    Activity cancel(@PathVariable String id, @Valid @RequestBody Cancellation body, Caller caller) {
        return planning.cancel(id, body.reason().strip(), caller);
    }
}
