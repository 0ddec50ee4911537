package org.federation.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that checks what the others did (the filters they sent to the store), so it runs
 * after them: {@link RunsLastOrderer}, set as {@code junit.jupiter.testclass.order.default}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RunsLast {
}
