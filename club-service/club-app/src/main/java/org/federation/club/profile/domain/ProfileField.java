package org.federation.club.profile.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The facts the shared club profile holds. {@link #live} facts are kept current by club-service's
 * own records (memberships, elections) and are never asked; the others are fresh only for as long
 * as a request allows after they were last set or confirmed.
 */
public enum ProfileField {
    CONTACT("contact", false),
    CATEGORY("category", false),
    FACULTY_ADVISOR("facultyAdvisor", false),
    PURPOSE("purpose", false),
    MEETING_PLACE("meetingPlace", false),
    SOCIAL_ACCOUNTS("socialAccounts", false),
    CONSTITUTION("constitution", false),
    PLANNED_ACTIVITIES("plannedActivities", false),
    MEMBER_COUNT("memberCount", true),
    PRESIDENT("president", true);

    private final String value;
    private final boolean live;

    ProfileField(String value, boolean live) {
        this.value = value;
        this.live = live;
    }

    public String value() {
        return value;
    }

    public boolean live() {
        return live;
    }

    public static Optional<ProfileField> fromValue(String value) {
        return Arrays.stream(values()).filter(f -> f.value.equals(value)).findFirst();
    }

    public static String allowedValues() {
        return String.join(", ", Arrays.stream(values()).map(ProfileField::value).toList());
    }
}
