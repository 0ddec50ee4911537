package org.federation.event.registration.web;

import org.federation.event.registration.application.RegistrationDesk;
import org.federation.event.registration.domain.Registration;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** Registering for a published activity (the caller registers themself), cancelling, and the organisers' list. */
@RestController
@RequestMapping("/api/activities/{id}")
@Validated
class RegistrationController {

    private final RegistrationDesk desk;

    RegistrationController(RegistrationDesk desk) {
        this.desk = desk;
    }

    /** 201 with a new registration (registered or waitlisted), 200 with the existing one on a repeat. */
    @PostMapping("/registration")
    ResponseEntity<Registration> register(@PathVariable String id, Caller caller) {
        RegistrationDesk.Outcome outcome = desk.register(id, caller);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.registration());
    }

    @DeleteMapping("/registration")
    Registration cancel(@PathVariable String id, Caller caller) {
        return desk.cancel(id, caller);
    }

    @GetMapping("/registrations")
    PageOf<Registration> list(@PathVariable String id,
                              @RequestParam(required = false) @Pattern(regexp = "registered|waitlisted|cancelled") String status,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
        return desk.list(id, status, page, size, caller);
    }
}
