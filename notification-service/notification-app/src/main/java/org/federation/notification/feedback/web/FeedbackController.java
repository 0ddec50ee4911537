package org.federation.notification.feedback.web;

import org.federation.notification.feedback.application.FeedbackBox;

import java.net.URI;
import java.time.Instant;

import org.federation.notification.feedback.domain.Feedback;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.Caller;
import org.federation.platform.security.PublicEndpoints;
import org.federation.platform.security.ratelimit.ClientAddresses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The public feedback channel. Sending feedback, following it with its follow-up token, and the
 * list of answered public feedback are open to anonymous callers; a department's members and head
 * (and the presidium) list and answer what was routed to the department.
 */
@RestController
@RequestMapping("/api/feedback")
@Validated
class FeedbackController {

    static final String DEPARTMENTS = "organization|finance|evaluation|publicity|external-relations|office";
    static final String FOLLOW_UP_TOKEN = FeedbackBox.FOLLOW_UP_TOKEN;

    @Configuration(proxyBeanMethods = false)
    static class Open {
        @Bean
        PublicEndpoints publicFeedback() {
            return PublicEndpoints.reading("/api/feedback/public", "/api/feedback/*/status").and(HttpMethod.POST, "/api/feedback");
        }
    }

    /** A suggestion or complaint; without a department it goes to the office, which passes it on. */
    record FeedbackRequest(@NotNull @Pattern(regexp = "suggestion|complaint") String kind,
                           @Pattern(regexp = DEPARTMENTS) String department,
                           @NotBlank @Size(max = 200) String subject,
                           @NotBlank @Size(max = 2000) String text) {
    }

    record AnswerRequest(@NotBlank @Size(max = 5000) String answer, @NotNull Boolean makePublic) {
    }

    /** What the sender and the department see (never the follow-up token). */
    record FeedbackView(String id, String kind, String department, String subject, String text, String sender, String state,
                        Instant receivedAt, String answer, Instant answeredAt, boolean published) {
        static FeedbackView of(Feedback f) {
            return new FeedbackView(f.id(), f.kind(), f.department(), f.subject(), f.text(), f.sender(), f.state(),
                    f.receivedAt(), f.answer(), f.answeredAt(), f.published());
        }
    }

    /** What everyone sees of answered feedback a department made public: no sender. */
    record PublicView(String id, String kind, String department, String subject, String text, String answer,
                      Instant answeredAt) {
    }

    /** The receipt: the feedback and, for an anonymous sender, the token to follow it with (shown once). */
    record Receipt(FeedbackView feedback, String followUpToken) {
    }

    private final FeedbackBox box;
    private final ClientAddresses clientAddresses;

    FeedbackController(FeedbackBox box, ClientAddresses clientAddresses) {
        this.box = box;
        this.clientAddresses = clientAddresses;
    }

    @PostMapping
    ResponseEntity<Receipt> send(@RequestBody @Valid FeedbackRequest request, HttpServletRequest http) {
        String sender = SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof Jwt jwt ? jwt.getSubject() : null;
        FeedbackBox.Sent sent = box.send(request.kind(), request.department(),
                request.subject().strip(), request.text().strip(), sender,
                // the sender's address as seen through the trusted proxies: behind an ingress the peer is the proxy
                clientAddresses.of(http));
        return ResponseEntity.created(URI.create("/api/feedback/" + sent.feedback().id() + "/status"))
                .body(new Receipt(FeedbackView.of(sent.feedback()), sent.followUpToken()));
    }

    /** Its sender (signed in, or with the follow-up token), the department's staff and the presidium follow it. */
    @GetMapping("/{id}/status")
    FeedbackView status(@PathVariable @Size(max = 100) String id,
                        @RequestHeader(name = FOLLOW_UP_TOKEN, required = false) @Size(max = 200) String token, Caller caller) {
        return FeedbackView.of(box.status(id, token, caller));
    }

    @GetMapping
    PageOf<FeedbackView> list(@RequestParam @NotNull @Pattern(regexp = DEPARTMENTS) String department,
                              @RequestParam(required = false) @Pattern(regexp = "received|answered") String state,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        PageOf<Feedback> items = box.newestFirst(department, state, page, size, caller);
        return new PageOf<>(items.items().stream().map(FeedbackView::of).toList(), page, size, items.totalItems());
    }

    @PostMapping("/{id}/answer")
    FeedbackView answer(@PathVariable @Size(max = 100) String id, @RequestBody @Valid AnswerRequest request, Caller caller) {
        return FeedbackView.of(box.answer(id, request.answer().strip(), request.makePublic(), caller));
    }

    /** Answered feedback the departments made public, newest answer first; for everyone. */
    @GetMapping("/public")
    PageOf<PublicView> published(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        PageOf<Feedback> items = box.published(page, size);
        return new PageOf<>(items.items().stream().map(f -> new PublicView(f.id(), f.kind(), f.department(), f.subject(),
                f.text(), f.answer(), f.answeredAt())).toList(), page, size, items.totalItems());
    }
}
