package org.federation.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local platform's one command for business time (development only):
 * {@code java -jar infra/local/target/federation-local-exec.jar business-time advance P30D} moves the
 * business clock of all four services to the same time, 30 days ahead of where it was, and
 * {@code … business-time} shows it. It signs in as the demo presidium member at the development token
 * issuer and calls each service's {@code /actuator/businessclock} on its management port: the furthest
 * offset plus the step, set on every service, so the four agree even if one was restarted or moved
 * alone. Each service runs its deadline sweeps before it answers. The offset is also written to
 * {@code <data>/business-clock-offset}, which the launcher reads at its next start, so a restart does
 * not turn business time back.
 */
public final class BusinessTime {

    /** Business time as the services have it now. */
    public record Reading(Instant now, Duration offset) {
    }

    static final String OFFSET_FILE = "business-clock-offset";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String issuer;
    private final List<Integer> managementPorts;

    public BusinessTime(String issuer, List<Integer> managementPorts) {
        this.issuer = issuer;
        this.managementPorts = List.copyOf(managementPorts);
    }

    /** The local platform's services, on their fixed ports. */
    static BusinessTime local() {
        return new BusinessTime("http://localhost:9000",
                FederationApps.SERVICES.stream().map(FederationApps.Service::managementPort).toList());
    }

    /** Moves every service to the furthest offset any of them has plus {@code by}; returns the new business time. */
    public Reading advance(Duration by) {
        String token = presidiumToken();
        Duration furthest = Duration.ZERO;
        for (int port : managementPorts) {
            Reading reading = read(call(port, token, null));
            if (reading.offset().compareTo(furthest) > 0) {
                furthest = reading.offset();
            }
        }
        Duration target = furthest.plus(by);
        List<Reading> after = new ArrayList<>();
        for (int port : managementPorts) {
            after.add(read(call(port, token, "{\"offset\":\"" + target + "\"}")));
        }
        return after.get(after.size() - 1);
    }

    /** Business time as the first service has it. */
    public Reading show() {
        return read(call(managementPorts.get(0), presidiumToken(), null));
    }

    private String presidiumToken() {
        JsonNode token = JSON.readTree(send(HttpRequest.newBuilder(URI.create(issuer + "/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"presidium\"}")).build()));
        return token.get("access_token").asString();
    }

    private String call(int port, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/businessclock"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2));
        return send(body == null ? request.GET().build()
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.uri() + " (is the local platform running?): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Reading read(String body) {
        JsonNode time = JSON.readTree(body);
        return new Reading(Instant.parse(time.get("now").asString()), Duration.parse(time.get("offset").asString()));
    }

    /** The command line: {@code business-time [advance <ISO-8601 duration>]}. */
    static void run(String[] args, Path data) throws IOException {
        BusinessTime time = local();
        Reading reading;
        if (args.length == 2 && "advance".equals(args[0])) {
            reading = time.advance(Duration.parse(args[1]));
            Files.createDirectories(data);
            Files.writeString(data.resolve(OFFSET_FILE), reading.offset().toString());
        } else if (args.length == 0) {
            reading = time.show();
        } else {
            System.out.println("usage: business-time [advance <ISO-8601 duration, e.g. P30D or PT12H>]");
            return;
        }
        System.out.println("Business time on all four services: " + reading.now() + " (the real time + " + reading.offset() + ")");
    }

    /** The offset a previous run moved business time to, for the launcher's next start. */
    static Duration savedOffset(Path data) throws IOException {
        Path file = data.resolve(OFFSET_FILE);
        return Files.exists(file) ? Duration.parse(Files.readString(file).strip()) : Duration.ZERO;
    }
}
