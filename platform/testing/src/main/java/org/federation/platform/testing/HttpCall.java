package org.federation.platform.testing;

/**
 * One HTTP request to make: method, path (with query), and an optional body with its type.
 */
public record HttpCall(String method, String path, String contentType, String body) {

    public static HttpCall get(String path) {
        return new HttpCall("GET", path, null, null);
    }

    public static HttpCall post(String path, String contentType, String body) {
        return new HttpCall("POST", path, contentType, body);
    }

    public static HttpCall postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : " " + (body.length() > 160 ? body.substring(0, 160) + "…(" + body.length() + " chars)" : body);
        return method + " " + path + (contentType == null ? "" : " [" + contentType + "]") + shown;
    }
}
