package org.federation.club.founding.web;

import org.federation.platform.domain.BusinessClock;
import java.net.URI;

import org.federation.club.founding.application.FoundingProcess;
import org.federation.club.founding.domain.FoundingApplication;
import org.federation.club.founding.domain.FoundingState;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import jakarta.validation.constraints.Pattern;

/**
 * Founding a club: initiators apply, the Organization Department reviews against the one
 * checklist and holds the founding defense hearing, the panel votes, and the club is established.
 * Nothing here is public: every call needs a token.
 */
@RestController
@RequestMapping("/api")
@Validated
class FoundingController {

    private static final String APPLICATIONS = "/founding-applications";
    private static final String STATES = "submitted|returned|qualified|hearing-scheduled|inconclusive|approved"
            + "|established|rejected|withdrawn";

    private final FoundingProcess founding;
    private final BusinessClock clock;

    FoundingController(FoundingProcess founding, BusinessClock clock) {
        this.founding = founding;
        this.clock = clock;
    }

    /** Any signed-in person submits an application, listing themselves among the initiators; 201. */
    @PostMapping(path = APPLICATIONS, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FoundingApplicationView> submit(@Valid @RequestBody FoundingApplicationRequest request, Caller caller) {
        FoundingApplication application = founding.submit(request.toProposal(), caller);
        return ResponseEntity.created(URI.create("/api" + APPLICATIONS + "/" + application.id())).body(view(application));
    }

    /** An initiator submits a returned application again, corrected. */
    @PostMapping(path = APPLICATIONS + "/{id}/resubmission", consumes = MediaType.APPLICATION_JSON_VALUE)
    FoundingApplicationView resubmit(@PathVariable String id, @Valid @RequestBody FoundingApplicationRequest request,
                                     Caller caller) {
        return view(founding.resubmit(id, request.toProposal(), caller));
    }

    /** An initiator withdraws the open application. */
    @PostMapping(path = APPLICATIONS + "/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    FoundingApplicationView withdraw(@PathVariable String id, @Valid @RequestBody WithdrawalRequest request,
                                     Caller caller) {
        return view(founding.withdraw(id, request.reason(), caller));
    }

    /** The Organization Department's qualification review: every criterion of the checklist answered. */
    @PostMapping(path = APPLICATIONS + "/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    FoundingApplicationView review(@PathVariable String id, @Valid @RequestBody ReviewRequest request, Caller caller) {
        return view(founding.review(id, request.answers(), caller));
    }

    /** The Organization Department schedules the founding defense hearing of a qualified application. */
    @PostMapping(path = APPLICATIONS + "/{id}/hearing", consumes = MediaType.APPLICATION_JSON_VALUE)
    FoundingApplicationView scheduleHearing(@PathVariable String id, @Valid @RequestBody HearingRequest request,
                                            Caller caller) {
        return view(founding.scheduleHearing(id, request.scheduledAt(), request.place(), request.members(), caller));
    }

    /** A panel member casts their one ballot (from the hearing's time on); the last ballot decides. */
    @PostMapping(path = APPLICATIONS + "/{id}/hearing/ballots", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    FoundingApplicationView castBallot(@PathVariable String id, @Valid @RequestBody BallotRequest request,
                                       Caller caller) {
        return view(founding.castBallot(id, request.toChoice(), request.comment(), caller));
    }

    /** The Organization Department closes the hearing after its time; the decision follows from the ballots. */
    @PostMapping(APPLICATIONS + "/{id}/hearing/closing")
    FoundingApplicationView closeHearing(@PathVariable String id, Caller caller) {
        return view(founding.closeHearing(id, caller));
    }

    /** One application in full, for the federation's staff and its initiators. */
    @GetMapping(APPLICATIONS + "/{id}")
    FoundingApplicationView get(@PathVariable String id, Caller caller) {
        return view(founding.view(id, caller));
    }

    /** The applications, newest first, optionally in one state; for the federation's staff. */
    @GetMapping(APPLICATIONS)
    PageOf<FoundingApplicationListItem> list(
            @RequestParam(required = false) @Pattern(regexp = STATES, message = "must be one of submitted, returned, "
                    + "qualified, hearing-scheduled, inconclusive, approved, established, rejected, withdrawn")
            String state,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
        FoundingState filter = state == null ? null : FoundingState.fromValue(state).orElseThrow();
        PageOf<FoundingApplication> found = founding.list(filter, page, size, caller);
        return new PageOf<>(found.items().stream().map(FoundingApplicationListItem::of).toList(), page, size,
                found.totalItems());
    }

    /** The qualification checklist and the founding rules, for anyone signed in. */
    @GetMapping("/founding-checklist")
    ChecklistView checklist() {
        return ChecklistView.of(founding.checklist(), founding.rules());
    }

    private FoundingApplicationView view(FoundingApplication application) {
        return FoundingApplicationView.of(application, founding.rules(), clock.instant());
    }
}
