package org.federation.platform.security;

import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests that arrived on the management port ({@code local.management.port}, known once that
 * server has started; never equal to the public port, where Actuator does not answer).
 */
final class ManagementPortRequests implements RequestMatcher {

    private final Environment environment;

    ManagementPortRequests(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        return management != null && management > 0 && !management.equals(server)
                && request.getLocalPort() == management;
    }
}
