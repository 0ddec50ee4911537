package org.federation.event.checkin.web;

import org.federation.event.checkin.application.CheckInDesk;
import org.federation.event.checkin.domain.CheckIn;
import org.federation.event.checkin.domain.RotatingCode;
import org.federation.event.contracts.ActivityAttendance;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.Caller;
import org.springframework.http.HttpStatus;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Check-in at an activity and its attendance. A first check-in answers 201, a repeat 200 with the first. */
@RestController
@RequestMapping("/api/activities/{id}")
@Validated
class CheckInController {

    private final CheckInDesk desk;

    CheckInController(CheckInDesk desk) {
        this.desk = desk;
    }

    record Credential(@NotBlank @Size(max = 4000) String credential) {
    }

    record Code(@NotBlank @Pattern(regexp = "\\d{6}", message = "six digits") String code) {
    }

    record WalkIn(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "a student number") String studentNumber) {
    }

    @PostMapping("/check-ins/credential")
    ResponseEntity<CheckIn> byCredential(@PathVariable String id, @Valid @RequestBody Credential body, Caller caller) {
        return answer(desk.byCredential(id, body.credential(), caller));
    }

    @PostMapping("/check-ins/code")
    ResponseEntity<CheckIn> byCode(@PathVariable String id, @Valid @RequestBody Code body, Caller caller) {
        return answer(desk.byCode(id, body.code(), caller));
    }

    @PostMapping("/check-ins/walk-in")
    ResponseEntity<CheckIn> walkIn(@PathVariable String id, @Valid @RequestBody WalkIn body, Caller caller) {
        return answer(desk.walkIn(id, body.studentNumber(), caller));
    }

    /** The code to show at the entrance now, and until when it holds. */
    @GetMapping("/check-in-code")
    RotatingCode.Shown code(@PathVariable String id, Caller caller) {
        return desk.code(id, caller);
    }

    @GetMapping("/attendance")
    CheckInDesk.Attendance attendance(@PathVariable String id,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size,
                                      Caller caller) {
        return desk.attendance(id, page, size, caller);
    }

    @PostMapping("/attendance/publication")
    ActivityAttendance publish(@PathVariable String id, Caller caller) {
        return desk.publishAttendance(id, caller);
    }

    private static ResponseEntity<CheckIn> answer(CheckInDesk.Outcome outcome) {
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.checkIn());
    }
}
