package org.federation.club.registry.domain;

/** Where a club is in its lifecycle. Issue-by-issue this grows (registration, merger, dissolution). */
public enum ClubState {
    ACTIVE("active");

    private final String value;

    ClubState(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
