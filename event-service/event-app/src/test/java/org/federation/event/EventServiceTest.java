package org.federation.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/** event-service on a random port against the shared embedded backbone; one cached context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = EventServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + EventServiceApplication.CONFIG_NAME,
                // the tests run like the local platform: development defaults (the check-in code secret) apply
                "spring.profiles.active=local",
                // test activities lie up to about three years ahead of the real clock; check-in opens early enough
                // for them, and CheckInTest meets the window with an activity beyond it
                "federation.activities.check-in-opens-before=" + EventServiceTest.CHECK_IN_OPENS_BEFORE})
public @interface EventServiceTest {

    /** How early check-in opens in the tests (the default is one hour). */
    String CHECK_IN_OPENS_BEFORE = "P1200D";
}
