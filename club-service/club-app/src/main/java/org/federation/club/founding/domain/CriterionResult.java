package org.federation.club.founding.domain;

/**
 * One criterion as a review answered it, with whether it was mandatory at the time, so a review
 * reads the same after the checklist changes.
 */
public record CriterionResult(String criterion, String description, boolean mandatory, boolean passed, String note) {
}
