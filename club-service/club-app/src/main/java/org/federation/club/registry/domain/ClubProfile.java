package org.federation.club.registry.domain;

import java.time.LocalDate;

/**
 * What the federation knows about a club besides its people and state.
 *
 * @param purpose        the club's purpose (from its founding application; null for imported clubs)
 * @param facultyAdvisor the club's faculty advisor, if known
 */
public record ClubProfile(String name, ClubCategory category, LocalDate foundedOn, String contact,
                          String liaisonOfficer, String purpose, String facultyAdvisor) {

    public ClubProfile withContact(String newContact) {
        return new ClubProfile(name, category, foundedOn, newContact, liaisonOfficer, purpose, facultyAdvisor);
    }

    public ClubProfile withCategory(ClubCategory newCategory) {
        return new ClubProfile(name, newCategory, foundedOn, contact, liaisonOfficer, purpose, facultyAdvisor);
    }

    public ClubProfile withLiaisonOfficer(String officer) {
        return new ClubProfile(name, category, foundedOn, contact, officer, purpose, facultyAdvisor);
    }

    public ClubProfile withFacultyAdvisor(String advisor) {
        return new ClubProfile(name, category, foundedOn, contact, liaisonOfficer, purpose, advisor);
    }
}
