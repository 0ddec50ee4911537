package org.federation.platform.web;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a list query whose {@code page} or {@code size} is not a plain decimal number (400).
 * Spring's binding would otherwise read {@code size=} as "not given" (the default page) and
 * {@code size=0x10} as 16, answering a malformed query as if it were fine; the range
 * ({@code @Min}/{@code @Max}) stays with each endpoint.
 */
public class PagingParameters extends OncePerRequestFilter {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // only queries page; reading parameters of a form POST would consume its body
        if ("GET".equals(request.getMethod())) {
            for (String name : new String[]{"page", "size"}) {
                String[] values = request.getParameterValues(name);
                if (values == null) {
                    continue;
                }
                for (String value : values) {
                    if (!DECIMAL.matcher(value).matches()) {
                        ProblemBody.write(response, HttpStatus.BAD_REQUEST.value(), ProblemTypes.VALIDATION.toString(),
                                "Invalid paging", name + " must be a whole number written in decimal digits");
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}
