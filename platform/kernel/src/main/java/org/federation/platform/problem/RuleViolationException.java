package org.federation.platform.problem;

/**
 * Well-formed input that breaks one of the federation's rules (HTTP 422), naming the field it is
 * about. Plain Java, so domain code may throw it.
 */
public class RuleViolationException extends RuntimeException {

    private final String field;

    public RuleViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
