package org.federation.club.recruitment.web;

import java.net.URI;
import java.time.Instant;

import org.federation.club.recruitment.application.OpenRecruitment;
import org.federation.club.recruitment.domain.LeaderPosition;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Open recruitment of club leaders: positions, applications, appointments. */
@RestController
@Validated
class RecruitmentController {

    private final OpenRecruitment recruitment;

    RecruitmentController(OpenRecruitment recruitment) {
        this.recruitment = recruitment;
    }

    /** A position as the API shows it. */
    record PositionView(String id, String clubId, String role, String description, Instant closesAt, String postedBy,
                        Instant postedAt, String state, java.util.List<LeaderPosition.Applicant> applicants,
                        String appointed, String closedBy, Instant closedAt) {
        static PositionView of(LeaderPosition p) {
            return new PositionView(p.id(), p.clubId(), p.role(), p.description(), p.closesAt(), p.postedBy(),
                    p.postedAt(), p.state().value(), p.applicants(), p.appointed(), p.closedBy(), p.closedAt());
        }
    }

    record PositionRequest(@NotBlank @Pattern(regexp = "[a-z][a-z-]{1,39}", message = "a role such as vice-president")
                           String role, @NotBlank @Size(max = 4000) String description, @NotNull Instant closesAt) {
    }

    record ApplicationRequest(@NotBlank @Size(max = 4000) String statement) {
    }

    record Appointment(@NotBlank @Size(max = 40) String studentNumber) {
    }

    @PostMapping("/api/clubs/{clubId}/leader-positions")
    ResponseEntity<PositionView> post(@PathVariable String clubId, @Valid @RequestBody PositionRequest body,
                                        Caller caller) {
        LeaderPosition position = recruitment.post(clubId, body.role(), body.description().strip(), body.closesAt(), caller);
        return ResponseEntity.created(URI.create("/api/leader-positions/" + position.id())).body(PositionView.of(position));
    }

    /** Positions, newest first, by club and state; any signed-in student may look for one to apply to. */
    @GetMapping("/api/leader-positions")
    PageOf<PositionView> list(@RequestParam(required = false) @Size(max = 100) String clubId,
                                @RequestParam(required = false) @Pattern(regexp = "open|filled|cancelled",
                                        message = "must be open, filled or cancelled") String state,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
        PageOf<LeaderPosition> found = recruitment.list(clubId, state == null ? null
                : LeaderPosition.State.valueOf(state.toUpperCase()), page, size);
        return new PageOf<>(found.items().stream().map(p -> PositionView.of(recruitment.visibleTo(p, caller))).toList(), page, size,
                found.totalItems());
    }

    @GetMapping("/api/leader-positions/{positionId}")
    PositionView get(@PathVariable String positionId, Caller caller) {
        return PositionView.of(recruitment.visibleTo(recruitment.get(positionId), caller));
    }

    @PostMapping("/api/leader-positions/{positionId}/applications")
    PositionView apply(@PathVariable String positionId, @Valid @RequestBody ApplicationRequest body, Caller caller) {
        return PositionView.of(recruitment.visibleTo(recruitment.apply(positionId, body.statement().strip(), caller),
                caller));
    }

    @PostMapping("/api/leader-positions/{positionId}/appointment")
    PositionView appoint(@PathVariable String positionId, @Valid @RequestBody Appointment body, Caller caller) {
        return PositionView.of(recruitment.appoint(positionId, body.studentNumber().strip(), caller));
    }

    @PostMapping("/api/leader-positions/{positionId}/cancellation")
    PositionView cancel(@PathVariable String positionId, Caller caller) {
        return PositionView.of(recruitment.cancel(positionId, caller));
    }
}
