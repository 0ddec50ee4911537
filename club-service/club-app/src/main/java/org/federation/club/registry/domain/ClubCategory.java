package org.federation.club.registry.domain;

import java.util.Arrays;
import java.util.Optional;

/** The federation's club categories, with the values the contracts use. */
public enum ClubCategory {
    ACADEMIC_TECHNOLOGY("academic-technology"),
    ARTS_CULTURE("arts-culture"),
    SPORTS("sports"),
    VOLUNTEERING("volunteering"),
    ENTREPRENEURSHIP("entrepreneurship"),
    OTHER("other");

    private final String value;

    ClubCategory(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<ClubCategory> fromValue(String value) {
        return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst();
    }

    public static String allowedValues() {
        return String.join(", ", Arrays.stream(values()).map(ClubCategory::value).toList());
    }
}
