package org.federation.finance;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * finance-service: an append-only ledger and published fee statements. Its
 * configuration file is {@code finance-service.yaml}, so it can share a JVM with the other services.
 */
@SpringBootApplication
public class FinanceServiceApplication {

    public static final String CONFIG_NAME = "finance-service";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(FinanceServiceApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application.run(args);
    }
}
