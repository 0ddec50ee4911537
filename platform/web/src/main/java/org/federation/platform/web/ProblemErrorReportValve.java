package org.federation.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat refuses some requests before any servlet sees them (a NUL or an invalid escape in the
 * path); its default page for that is HTML. This valve answers them as problem details, like
 * every other error of the platform.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                String type = status < 500 ? ProblemTypes.MALFORMED_REQUEST.toString() : ProblemTypes.INTERNAL.toString();
                writer.write(ProblemBody.json(status, type, "Request refused", "the server refused the request before "
                        + "reading it (status " + status + "): check the URL for invalid characters or escapes"));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response was committed: nothing more can be said
        }
    }
}
