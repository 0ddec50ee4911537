package org.federation.club.registry.domain;

import java.util.Locale;

/** Two names that differ only in case or spacing are the same club name. */
public final class ClubName {

    private ClubName() {
    }

    public static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
