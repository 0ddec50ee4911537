package org.federation.club.founding.domain;

/**
 * One criterion of the qualification checklist.
 *
 * @param mandatory whether failing it returns the application to its initiators
 */
public record Criterion(String id, String description, boolean mandatory) {
}
