package org.federation.club;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * club-service started on a random port against the shared embedded backbone. Every service
 * test uses exactly this, so they all share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ClubServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ClubServiceApplication.CONFIG_NAME,
                // the tests run like the local platform: development defaults (the encryption key) apply
                "spring.profiles.active=local",
                // deadline sweeps run only when a test asks (they would mark every test's clubs)
                "federation.clubs.deadline-sweep=PT24H"})
public @interface ClubServiceTest {
}
