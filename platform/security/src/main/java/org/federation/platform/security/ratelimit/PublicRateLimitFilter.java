package org.federation.platform.security.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.federation.platform.problem.TooManyRequestsException;
import org.federation.platform.web.ProblemBody;
import org.federation.platform.web.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Holds anonymous callers of the app's public endpoints to {@link PublicRateLimit}'s allowance per
 * client address ({@link ClientAddresses}), answering 429 with {@code Retry-After} as a
 * {@link TooManyRequestsException} would be answered by the platform's problem handler (a filter
 * answers before Spring MVC's handlers can). Callers signed in with a valid token are not counted:
 * they are known, and many of them may share one campus address. Runs in the security filter chain
 * after the bearer token is read, so a refused token is still a 401.
 */
public class PublicRateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PublicRateLimitFilter.class);

    private final List<RequestMatcher> publicEndpoints;
    private final ClientAddresses clientAddresses;
    private final PublicRateLimit limit;

    public PublicRateLimitFilter(List<RequestMatcher> publicEndpoints, ClientAddresses clientAddresses, PublicRateLimit limit) {
        this.publicEndpoints = List.copyOf(publicEndpoints);
        this.clientAddresses = clientAddresses;
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (signedIn() || publicEndpoints.stream().noneMatch(m -> m.matches(request))) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> wait;
        try {
            wait = limit.take(clientAddresses.of(request));
        } catch (DataAccessException storeAway) {
            // the counters are unavailable: let the request through rather than answer 500; the endpoint reads
            // the same store and answers for itself (503 while it is away)
            log.warn("Public rate limit not applied, its store does not answer: {}", storeAway.getMessage());
            wait = Optional.empty();
        }
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        TooManyRequestsException refused = new TooManyRequestsException("at most " + limit.requests()
                + " requests per address every " + limit.window() + " to the endpoints open without signing in",
                wait.get());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfterSeconds()));
        ProblemBody.write(response, HttpStatus.TOO_MANY_REQUESTS.value(), ProblemTypes.TOO_MANY_REQUESTS.toString(),
                "Too many requests", refused.getMessage());
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> && authentication.isAuthenticated();
    }
}
