package org.federation.platform.idempotency;

import java.io.IOException;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.federation.platform.idempotency.IdempotencyStore.Attempt;
import org.federation.platform.idempotency.IdempotencyStore.Claimed;
import org.federation.platform.idempotency.IdempotencyStore.Decision;
import org.federation.platform.idempotency.IdempotencyStore.Replay;
import org.federation.platform.idempotency.IdempotencyStore.Reused;
import org.federation.platform.idempotency.IdempotencyStore.StoredResponse;
import org.federation.platform.web.FieldError;
import org.federation.platform.web.ProblemBody;
import org.federation.platform.web.ProblemTypes;
import org.federation.platform.web.RequestBodyLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Honours the {@code Idempotency-Key} header on commands (POST, PUT, PATCH, DELETE), as the IETF
 * httpapi draft and Stripe do: the first request with a key runs and, if it succeeds (2xx), its
 * response is kept; a retry with the same key and the same request gets that response again,
 * marked {@code Idempotent-Replayed: true}, without running anything. A refused request (not 2xx)
 * changed nothing, so its key is released and may be retried. Keys are scoped to the caller.
 *
 * <p>Answers with problem details: 400 for an invalid key, 422 for a key already used for another
 * request, 409 (with {@code Retry-After}) while the key's first request is still running. Requests
 * without the header, and other methods, pass untouched.
 *
 * <p>Runs after Spring Security's filter chain (so the caller is known) and after the body limit.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    /** After Spring Security's filter chain (-100 by default) and {@code RequestBodyLimit} (first). */
    public static final int ORDER = 0;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final String PENDING = IdempotencyFilter.class.getName() + ".PENDING";
    /** The running request's fingerprint, from which its {@link IdempotencyKey} derives ids (absent: from the key alone). */
    static final String PER_REQUEST_FINGERPRINT = IdempotencyFilter.class.getName() + ".FINGERPRINT";
    private static final boolean SECURITY_PRESENT = ClassUtils.isPresent(
            "org.springframework.security.core.context.SecurityContextHolder", IdempotencyFilter.class.getClassLoader());

    private final IdempotencyStore store;

    public IdempotencyFilter(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !IdempotencyKeys.appliesTo(request.getMethod()) || request.getHeader(IdempotencyKeys.HEADER) == null;
    }

    /** An asynchronous handler's result is dispatched again: that is when its response is complete. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            resume(request, response, chain);
            return;
        }
        List<String> keys = Collections.list(request.getHeaders(IdempotencyKeys.HEADER));
        String invalid = keys.size() > 1 ? "must be sent once, but was sent " + keys.size() + " times"
                : IdempotencyKeys.problemWith(keys.get(0)).orElse(null);
        if (invalid != null) {
            ProblemBody.write(response, HttpStatus.BAD_REQUEST.value(), ProblemTypes.VALIDATION.toString(),
                    "Invalid request", IdempotencyKeys.HEADER + ": " + invalid,
                    Map.of("errors", List.of(new FieldError(IdempotencyKeys.HEADER, invalid))));
            return;
        }
        String key = keys.get(0);
        ReadRequest read;
        try {
            read = ReadRequest.of(request);
        } catch (RequestBodyLimit.TooLarge e) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            ProblemBody.write(response, HttpStatus.CONTENT_TOO_LARGE.value(), ProblemTypes.TOO_LARGE.toString(),
                    "Request body too large", e.getMessage());
            return;
        } catch (IOException e) {
            ProblemBody.write(response, HttpStatus.BAD_REQUEST.value(), ProblemTypes.MALFORMED_BODY.toString(),
                    "Malformed request body", "the request body could not be read: " + e.getMessage());
            return;
        }
        String principal = principalOf(request);
        Attempt attempt = new Attempt(IdempotencyKeys.recordId(principal, key), IdempotencyKeys.callerOf(principal),
                key, request.getMethod(), request.getRequestURI(), read.fingerprint());
        Decision decision = store.begin(attempt);
        if (decision instanceof Claimed claim) {
            if (claim.perRequestIds()) {
                read.request().setAttribute(PER_REQUEST_FINGERPRINT, attempt.fingerprint());
            }
            run(read.request(), response, chain, attempt, claim);
        } else if (decision instanceof Replay replay) {
            log.info("Replaying the response to {} {} for caller {} (Idempotency-Key {}) without running it again",
                    attempt.method(), attempt.path(), attempt.caller(), key);
            replay(response, replay.response());
        } else if (decision instanceof Reused reused) {
            log.warn("Idempotency-Key {} of caller {} was sent with {} {}, but was already used for a different "
                    + "request ({} {}): refused", key, attempt.caller(), attempt.method(), attempt.path(),
                    reused.method(), reused.path());
            ProblemBody.write(response, HttpStatus.UNPROCESSABLE_CONTENT.value(),
                    ProblemTypes.IDEMPOTENCY_KEY_REUSED.toString(), "Idempotency key already used",
                    "this Idempotency-Key was already used for a different request (" + reused.method() + " "
                            + reused.path() + "); a new request needs a new key");
        } else {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            ProblemBody.write(response, HttpStatus.CONFLICT.value(), ProblemTypes.IDEMPOTENCY_KEY_IN_PROGRESS.toString(),
                    "Request still in progress", "a request with this Idempotency-Key is still being processed; "
                            + "retry later to get its response");
        }
    }

    private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Attempt attempt,
                     Claimed claim) throws ServletException, IOException {
        Capturing capture = new Capturing(response);
        boolean handled = false;
        try {
            chain.doFilter(request, capture);
            handled = true;
        } finally {
            if (!handled) {
                release(attempt, claim); // it failed with an exception: the container answers 500, nothing is kept
            }
        }
        if (request.isAsyncStarted()) {
            request.setAttribute(PENDING, new Pending(attempt, claim));
            return;
        }
        finish(attempt, claim, capture);
    }

    /** The asynchronous handler's dispatch: the response is complete once no further async work starts. */
    private void resume(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Pending pending = (Pending) request.getAttribute(PENDING);
        Capturing capture = WebUtils.getNativeResponse(response, Capturing.class);
        if (pending == null || capture == null) {
            chain.doFilter(request, response);
            return;
        }
        request.removeAttribute(PENDING);
        boolean handled = false;
        try {
            chain.doFilter(request, response);
            handled = true;
        } finally {
            if (!handled) {
                release(pending.attempt(), pending.claim());
            }
        }
        if (request.isAsyncStarted()) {
            request.setAttribute(PENDING, pending);
            return;
        }
        finish(pending.attempt(), pending.claim(), capture);
    }

    private void finish(Attempt attempt, Claimed claim, Capturing capture) throws IOException {
        int status = capture.getStatus();
        try {
            if (status >= 200 && status < 300) {
                StoredResponse kept = new StoredResponse(status, capture.getContentType(),
                        capture.getHeader(HttpHeaders.LOCATION), capture.getContentAsByteArray());
                if (!store.complete(claim, kept)) {
                    log.warn("The response to {} {} (caller {}, Idempotency-Key {}) is not kept for replay: the "
                            + "request outlived its lease and a retry took the key over", attempt.method(),
                            attempt.path(), attempt.caller(), attempt.key());
                }
            } else {
                store.release(claim);
            }
        } catch (RuntimeException e) {
            log.error("Could not record the outcome ({}) of {} {} (caller {}, Idempotency-Key {}); the key stays "
                    + "claimed until its lease expires", status, attempt.method(), attempt.path(), attempt.caller(),
                    attempt.key(), e);
        } finally {
            capture.copyBodyToResponse();
        }
    }

    private void release(Attempt attempt, Claimed claim) {
        try {
            store.release(claim);
        } catch (RuntimeException e) {
            log.error("Could not release Idempotency-Key {} of caller {} after {} {} failed; it stays claimed until "
                    + "its lease expires", attempt.key(), attempt.caller(), attempt.method(), attempt.path(), e);
        }
    }

    private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader(IdempotencyKeys.REPLAYED_HEADER, "true");
        response.setContentLength(stored.body().length);
        if (stored.body().length > 0) {
            response.getOutputStream().write(stored.body());
        }
        response.flushBuffer();
    }

    /**
     * The authenticated caller's name (the token's subject), or null for an anonymous caller: read
     * from Spring Security's context where the app has it, else from the servlet request.
     */
    static String principalOf(HttpServletRequest request) {
        if (SECURITY_PRESENT) {
            String name = SecurityCaller.name();
            if (name != null) {
                return name;
            }
        }
        Principal principal = request.getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    /** Loaded only when Spring Security is on the class path. */
    private static final class SecurityCaller {

        static String name() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated()
                    || authentication instanceof AnonymousAuthenticationToken) {
                return null;
            }
            return authentication.getName();
        }
    }

    /** A command whose handler went asynchronous: completed on the async dispatch. */
    private record Pending(Attempt attempt, Claimed claim) {
    }

    /** This filter's own capture of the response, told apart from any other filter's. */
    private static final class Capturing extends ContentCachingResponseWrapper {

        Capturing(HttpServletResponse response) {
            super(response);
        }
    }
}
