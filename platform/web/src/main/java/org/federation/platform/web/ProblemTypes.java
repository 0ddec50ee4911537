package org.federation.platform.web;

import java.net.URI;

/** The stable {@code type} URIs of the platform's problem details. */
public final class ProblemTypes {

    public static final URI VALIDATION = URI.create("urn:federation:problem:validation");
    public static final URI MALFORMED_BODY = URI.create("urn:federation:problem:malformed-body");
    public static final URI NOT_FOUND = URI.create("urn:federation:problem:not-found");
    public static final URI CONFLICT = URI.create("urn:federation:problem:conflict");
    public static final URI ILLEGAL_TRANSITION = URI.create("urn:federation:problem:illegal-transition");
    public static final URI RULE_VIOLATION = URI.create("urn:federation:problem:rule-violation");
    public static final URI MALFORMED_REQUEST = URI.create("urn:federation:problem:malformed-request");
    public static final URI TOO_LARGE = URI.create("urn:federation:problem:too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("urn:federation:problem:unsupported-media-type");
    public static final URI FORBIDDEN = URI.create("urn:federation:problem:forbidden");
    /** 429: an allowance used up; {@code Retry-After} says when to try again. */
    public static final URI TOO_MANY_REQUESTS = URI.create("urn:federation:problem:too-many-requests");
    public static final URI INTERNAL = URI.create("urn:federation:problem:internal");
    /** 422: an {@code Idempotency-Key} sent again with a different request. */
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create("urn:federation:problem:idempotency-key-reused");
    /** 409: an {@code Idempotency-Key} whose first request is still being processed. */
    public static final URI IDEMPOTENCY_KEY_IN_PROGRESS = URI.create("urn:federation:problem:idempotency-key-in-progress");

    /** 428: a command that requires an {@code Idempotency-Key} (one that moves money) was sent without one. */
    public static final URI IDEMPOTENCY_KEY_REQUIRED = URI.create("urn:federation:problem:idempotency-key-required");

    private ProblemTypes() {
    }
}
