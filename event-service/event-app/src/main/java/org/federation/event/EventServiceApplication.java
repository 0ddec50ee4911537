package org.federation.event;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * event-service: activities, from proposal to sign-in sheet to summary report. Its
 * configuration file is {@code event-service.yaml}, so it can share a JVM with the other services.
 */
@SpringBootApplication
public class EventServiceApplication {

    public static final String CONFIG_NAME = "event-service";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(EventServiceApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application.run(args);
    }
}
