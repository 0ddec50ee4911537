package org.federation.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * The endpoints an app opens to anonymous callers (the design's "open to anonymous callers").
 * Every other endpoint needs a valid token. Health and the API description are always open.
 */
public final class PublicEndpoints {

    /** One open endpoint: a method and a path pattern such as {@code /api/clubs/*}. */
    public record Entry(HttpMethod method, String pattern) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public static PublicEndpoints none() {
        return new PublicEndpoints();
    }

    /** Opens GET (and HEAD) on these path patterns. */
    public static PublicEndpoints reading(String... patterns) {
        PublicEndpoints endpoints = new PublicEndpoints();
        for (String pattern : patterns) {
            endpoints.entries.add(new Entry(HttpMethod.GET, pattern));
            endpoints.entries.add(new Entry(HttpMethod.HEAD, pattern));
        }
        return endpoints;
    }

    /** Also opens this method on these path patterns (e.g. anonymous feedback). */
    public PublicEndpoints and(HttpMethod method, String... patterns) {
        for (String pattern : patterns) {
            entries.add(new Entry(method, pattern));
        }
        return this;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
