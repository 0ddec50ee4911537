package org.federation.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A problem-details body written straight to the response, for the places that answer before
 * Spring MVC's handler can (servlet filters, security, the container's error valve).
 */
public final class ProblemBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemBody() {
    }

    /** The RFC 9457 JSON for one problem. */
    public static String json(int status, String type, String title, String detail) {
        return json(status, type, title, detail, Map.of());
    }

    /** The RFC 9457 JSON for one problem with extension members (such as {@code errors}). */
    public static String json(int status, String type, String title, String detail, Map<String, ?> extensions) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        extensions.forEach(problem::putIfAbsent);
        return JSON.writeValueAsString(problem);
    }

    /** Sets the status and content type and writes the problem. */
    public static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        write(response, status, type, title, detail, Map.of());
    }

    /** Sets the status and content type and writes the problem with extension members. */
    public static void write(HttpServletResponse response, int status, String type, String title, String detail,
                             Map<String, ?> extensions) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(status, type, title, detail, extensions));
    }
}
