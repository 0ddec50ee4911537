package org.federation.club.registry.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What a club changes while registering; every field is optional and null means "as the
 * federation already knows it" (the form is prefilled, only changes are entered).
 */
public record RegistrationChanges(String contact, ClubCategory category, String facultyAdvisor, Integer memberCount) {

    public static RegistrationChanges none() {
        return new RegistrationChanges(null, null, null, null);
    }

    ClubProfile applyTo(ClubProfile profile) {
        ClubProfile changed = profile;
        if (contact != null) {
            changed = changed.withContact(contact.strip());
        }
        if (category != null) {
            changed = changed.withCategory(category);
        }
        if (facultyAdvisor != null) {
            changed = changed.withFacultyAdvisor(facultyAdvisor.strip());
        }
        return changed;
    }

    /** The fields whose values differ from what was known. */
    List<String> changedFields(ClubProfile known, int knownMemberCount) {
        List<String> changed = new ArrayList<>();
        if (contact != null && !contact.strip().equals(known.contact())) {
            changed.add("contact");
        }
        if (category != null && category != known.category()) {
            changed.add("category");
        }
        if (facultyAdvisor != null && !facultyAdvisor.strip().equals(known.facultyAdvisor())) {
            changed.add("facultyAdvisor");
        }
        if (memberCount != null && memberCount != knownMemberCount) {
            changed.add("memberCount");
        }
        return changed;
    }
}
