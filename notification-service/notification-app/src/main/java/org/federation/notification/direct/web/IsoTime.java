package org.federation.notification.direct.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A time with its offset as ISO-8601 writes it ({@code 2026-12-01T12:00:00Z}), or none. Read as text, not
 * by Jackson (which would take an empty string for "no time"), so a time that is not one, such as
 * {@code 2026-13-45T10:00:00Z}, is refused here as a malformed request (400) rather than later as a
 * broken rule (422).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoTime.Check.class)
@interface IsoTime {

    String message() default "must be an ISO-8601 time such as 2026-12-01T12:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Parses the text the way the application reads it. */
    class Check implements ConstraintValidator<IsoTime, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                OffsetDateTime.parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
