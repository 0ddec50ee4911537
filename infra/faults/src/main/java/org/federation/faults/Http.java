package org.federation.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP with JSON, as a portal calls the services. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** An answer: status and body ({@code status} 0 when none came: refused, cut, timed out). */
    record Answer(int status, String body, String failure) {

        JsonNode json() {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Nothing or a server error came back: the command may or may not have taken effect. */
        boolean uncertain() {
            return status == 0 || status >= 500;
        }

        String problemType() {
            try {
                JsonNode type = json().get("type");
                return type == null ? "" : type.asString();
            } catch (RuntimeException e) {
                return "";
            }
        }

        @Override
        public String toString() {
            return status == 0 ? "no answer (" + failure + ")" : status + " " + (body == null ? ""
                    : body.substring(0, Math.min(300, body.length())));
        }
    }

    private Http() {
    }

    static Answer get(String uri, String token) {
        return send(HttpRequest.newBuilder(URI.create(uri)).GET(), token, null, Duration.ofSeconds(20));
    }

    static Answer send(String method, String uri, String token, String idempotencyKey, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, token, idempotencyKey, Duration.ofSeconds(20));
    }

    private static Answer send(HttpRequest.Builder request, String token, String idempotencyKey, Duration timeout) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        } catch (Exception e) {
            return new Answer(0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
