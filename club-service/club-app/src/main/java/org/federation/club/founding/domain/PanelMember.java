package org.federation.club.founding.domain;

/** A member of a hearing's panel: a federation member's student or staff number and name. */
public record PanelMember(String number, String name) {
}
