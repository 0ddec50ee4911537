package org.federation.notification;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * notification-service: notices that reach people, acknowledgements, escalation and feedback. Its
 * configuration file is {@code notification-service.yaml}, so it can share a JVM with the other services.
 * Its periodic work runs on {@code Timers}, each job on a thread of its own (not Spring's scheduler).
 */
@SpringBootApplication
public class NotificationServiceApplication {

    public static final String CONFIG_NAME = "notification-service";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(NotificationServiceApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application.run(args);
    }
}
