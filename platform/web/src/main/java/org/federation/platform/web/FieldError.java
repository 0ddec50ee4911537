package org.federation.platform.web;

/** One invalid field in a problem's {@code errors} list: which field, and why. */
public record FieldError(String field, String message) {
}
