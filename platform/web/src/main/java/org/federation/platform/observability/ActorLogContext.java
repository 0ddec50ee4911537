package org.federation.platform.observability;

import java.io.IOException;
import java.security.Principal;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the service and the caller (the token's subject) into the logging context ({@code service},
 * {@code actor}) for the rest of
 * the request, so every line logged while handling it says whose action it is. Runs after Spring
 * Security, which has authenticated the request by then; anonymous requests log no actor.
 */
public class ActorLogContext extends OncePerRequestFilter {

    static final String ACTOR = "actor";
    /** The service, for logs of several services in one stream (the local platform runs four in one JVM). */
    // not "service": structured (ECS) logs write service.name there, and a second "service" made logback drop
    // the whole line ("The name 'service' has already been written")
    static final String SERVICE = "serviceName";

    private final String service;

    public ActorLogContext(String service) {
        this.service = service;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal caller = request.getUserPrincipal();
        MDC.put(SERVICE, service);
        if (caller != null) {
            MDC.put(ACTOR, caller.getName());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(ACTOR);
            MDC.remove(SERVICE);
        }
    }
}
