package org.federation.club.founding.domain;

/** A reviewer's answer to one criterion: passed or not, and a note (required when it failed). */
public record CriterionAnswer(String criterion, boolean passed, String note) {
}
