package org.federation.platform.observability;

import java.util.Map;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code /actuator/health} on the public port, status only, once Actuator lives on a management
 * port of its own (the design: the public port keeps health; details, metrics and operator
 * commands are for the management port). Boot's additional health paths must be one segment
 * ({@code /livez}), so the familiar path is answered here from the same health endpoint, with the
 * same status codes (200 up, 503 down or out of service).
 */
@RestController
@Hidden
public class PublicHealth {

    private final HealthEndpoint health;

    public PublicHealth(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping(path = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> health() {
        return statusOnly(health.health());
    }

    /** A health group, such as {@code liveness} or {@code readiness}: its status only. */
    @GetMapping(path = "/actuator/health/{group}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> group(@PathVariable String group) {
        HealthDescriptor descriptor = health.healthForPath(group);
        if (descriptor == null) {
            return ResponseEntity.notFound().build();
        }
        return statusOnly(descriptor);
    }

    private static ResponseEntity<Map<String, String>> statusOnly(HealthDescriptor descriptor) {
        Status status = descriptor.getStatus();
        boolean serving = Status.UP.equals(status) || Status.UNKNOWN.equals(status);
        return ResponseEntity.status(serving ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", status.getCode()));
    }
}
