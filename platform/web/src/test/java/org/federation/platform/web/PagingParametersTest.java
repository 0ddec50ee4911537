package org.federation.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The web kit's paging filter on its own: a {@code page} or {@code size} that is not written in
 * decimal digits is a 400 problem before any endpoint runs (Spring's binding read {@code size=} as
 * "not given" and {@code 0x10} as 16); the range stays with the endpoint; bodies are never read.
 */
class PagingParametersTest {

    private final PagingParameters filter = new PagingParameters();

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0x10", "#10", "1.5", "1e3", "+5", "-1", "ten", "１０", "9999999999"})
    void a_size_or_page_not_in_decimal_digits_is_a_400_problem(String value) throws Exception {
        for (String name : new String[]{"size", "page"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
            request.addParameter(name, value);
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(request, response, chain);

            assertThat(chain.getRequest()).as("the endpoint never ran for %s=%s", name, value).isNull();
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).contains("\"status\":400").contains(name + " must be");
        }
    }

    @Test
    void a_second_bad_value_is_refused_too() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
        request.addParameter("size", "20", "");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(400);
    }

    @Test
    void decimal_or_absent_paging_reaches_the_endpoint_which_checks_the_range() throws Exception {
        for (String query : new String[]{"size=20&page=0", "size=0", "page=100000", "other=x"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
            for (String pair : query.split("&")) {
                String[] nameValue = pair.split("=");
                request.addParameter(nameValue[0], nameValue[1]);
            }
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(request, new MockHttpServletResponse(), chain);

            assertThat(chain.getRequest()).as(query).isNotNull();
        }
    }

    @Test
    void a_form_post_is_passed_on_unread() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
        request.setContentType("application/x-www-form-urlencoded");
        request.addParameter("size", "not a number");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }
}
