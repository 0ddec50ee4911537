package org.federation.platform.messaging;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.federation.platform.web.FederationProblemHandler;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The aggregate store gives up on a change that keeps meeting a newer version with
 * {@link ConcurrentAggregateUpdateException}; the web kit, which knows nothing of messaging,
 * answers it through its kernel supertype with the same 409 as before the platform was split.
 */
class ConcurrentUpdateProblemTest {

    @RestController
    static class Clubs {

        @PostMapping("/clubs/c-1/suspension")
        void suspend() {
            throw new ConcurrentAggregateUpdateException("clubs", "c-1", 3);
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Clubs())
            .setControllerAdvice(new FederationProblemHandler()).build();

    @Test
    void aConcurrentUpdateIsAConflictToReloadAndRetry() throws Exception {
        mvc.perform(post("/clubs/c-1/suspension"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:federation:problem:conflict"))
                .andExpect(jsonPath("$.title").value("Changed concurrently"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.detail").value("clubs/c-1 changed since version 3 was read; reload and try again"));
    }
}
