package org.federation.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to a running app, for service and end-to-end tests. */
public final class HttpProbe {

    /** A response: status, content type, body and every header. */
    public record Response(int status, String contentType, String body, Map<String, List<String>> headers) {

        public Response(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The first value of this header (the name in any case), or null if the response has none. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean freshIdempotencyKeys;

    public HttpProbe(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static HttpProbe onPort(int port) {
        return new HttpProbe("http://localhost:" + port);
    }

    /** A probe that sends this header on every request (e.g. Authorization, Idempotency-Key). */
    public HttpProbe with(String name, String value) {
        HttpProbe probe = new HttpProbe(baseUrl);
        probe.freshIdempotencyKeys = freshIdempotencyKeys;
        probe.headers.putAll(headers);
        probe.headers.put(name, value);
        return probe;
    }

    /**
     * A probe that sends a fresh {@code Idempotency-Key} (a UUID) with every command (POST, PUT,
     * PATCH, DELETE) that has none set with {@link #with}, as the portal does: money-moving commands
     * require one.
     */
    public HttpProbe withFreshIdempotencyKeys() {
        HttpProbe probe = new HttpProbe(baseUrl);
        probe.headers.putAll(headers);
        probe.freshIdempotencyKeys = true;
        return probe;
    }

    /** This probe without fresh keys and without a key set by {@link #with}: to see a command refused for want of one. */
    public HttpProbe withoutIdempotencyKey() {
        HttpProbe probe = new HttpProbe(baseUrl);
        headers.forEach((name, value) -> {
            if (!"Idempotency-Key".equalsIgnoreCase(name)) {
                probe.headers.put(name, value);
            }
        });
        return probe;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET whose body is kept as bytes (a PDF, an image), not decoded as text. */
    public Download download(String path) {
        HttpResponse<byte[]> response = exchange(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response.headers().map());
    }

    /** A response whose body is bytes. */
    public record Download(int status, String contentType, byte[] body, Map<String, List<String>> headers) {

        /** The text of a PDF body, as PDFBox extracts it (fails the test if it is not a PDF). */
        public String pdfText() {
            try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(body)) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            } catch (IOException e) {
                throw new AssertionError("the body is not a PDF: " + e.getMessage(), e);
            }
        }

        /** The body as UTF-8 text (a CSV download). */
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public Response post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    /** Any request, as described. */
    public Response send(HttpCall call) {
        HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body());
        HttpRequest.Builder builder = request(call.path()).method(call.method(), body);
        if (call.contentType() != null) {
            builder.header("Content-Type", call.contentType());
        }
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        HttpRequest built = builder.build();
        if (freshIdempotencyKeys && java.util.Set.of("POST", "PUT", "PATCH", "DELETE").contains(built.method())
                && built.headers().firstValue("Idempotency-Key").isEmpty()) {
            builder.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
        }
        HttpResponse<String> response = exchange(builder, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers().map());
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(builder.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call to " + baseUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
