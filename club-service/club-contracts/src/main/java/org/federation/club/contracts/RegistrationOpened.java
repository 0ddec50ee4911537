package org.federation.club.contracts;

import java.time.Instant;

/**
 * {@code org.federation.club.registration-opened.v1}: the Organization Department opened the annual
 * registration for an academic year. Keyed by the academic year; carries no {@code club}.
 *
 * @param academicYear e.g. {@code 2026-2027}
 * @param deadline     clubs that have not registered by then become unregistered
 */
public record RegistrationOpened(String academicYear, Instant deadline) {
}
