package org.federation.club.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.club.membership.application.ClubMemberships;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 21: with structured logging configured ({@code logging.structured.format.console=ecs}, as
 * docs/operations.md says), a line logged while serving a request is one JSON object carrying the
 * level, the logger, the message, the request's trace id and its own span id, the service and the
 * actor. Before, the MDC key {@code service} collided with ECS's {@code service} object and logback dropped
 * every such line ("The name 'service' has already been written"). The encoder is Boot's own, fed by the running app's logging (its tracer and MDC); it is
 * attached to one logger only, so the rest of the suite keeps the readable format.
 */
@ClubServiceTest
class StructuredLogsTest extends EmbeddedBackboneProperties {

    @Autowired
    Environment environment;

    @Test
    void aLineLoggedWhileServingARequestIsJsonWithLevelLoggerMessageTraceSpanServiceAndActor() {
        String club = ClubLifecycleTest.newClub(app(), "日志社");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (context.getObject(Environment.class.getName()) == null) {
            context.putObject(Environment.class.getName(), environment); // as Boot's logging system does at start
        }
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setFormat("ecs");
        encoder.setContext(context);
        encoder.start();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(lines);
        appender.start();
        Logger logger = context.getLogger(ClubMemberships.class);
        logger.addAppender(appender);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try {
            HttpProbe.Response applied = Persona.STUDENT.on(app()).with("traceparent", "00-" + traceId + "-0102030405060708-01")
                    .postJson("/api/clubs/" + club + "/membership-applications", "{\"motivation\":\"logs\"}");
            assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        } finally {
            logger.detachAppender(appender);
            appender.stop();
        }

        List<String> written = Arrays.stream(lines.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> !l.isBlank()).toList();
        assertThat(written).as("one line, one JSON object; logback said: %s", context.getStatusManager().getCopyOfStatusList()
                .stream().filter(st -> st.getLevel() > 0).map(st -> st.getMessage() + " " + st.getThrowable()).toList())
                .hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(written.get(0));
        assertThat(line.at("/log/level").asString()).isEqualTo("INFO");
        assertThat(line.at("/log/logger").asString()).isEqualTo(ClubMemberships.class.getName());
        assertThat(line.get("message").asString()).contains("applied to join club " + club);
        assertThat(line.get("traceId").asString()).as("the caller's trace").isEqualTo(traceId);
        assertThat(line.get("spanId").asString()).as("this service's span in it").matches("[0-9a-f]{16}")
                .isNotEqualTo("0102030405060708");
        assertThat(line.at("/service/name").asString()).isEqualTo("club-service");
        assertThat(line.get("serviceName").asString()).as("our MDC key, beside ECS's service object").isEqualTo("club-service");
        assertThat(line.get("actor").asString()).isEqualTo(Persona.STUDENT.subject());
        assertThat(line.has("@timestamp")).isTrue();
    }
}
