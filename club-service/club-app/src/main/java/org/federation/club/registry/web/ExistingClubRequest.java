package org.federation.club.registry.web;

import java.time.LocalDate;
import java.util.List;

import org.federation.club.registry.domain.ClubCategory;
import org.federation.club.registry.domain.ExistingClub;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An existing club to bring onto the platform (one JSON body, or one CSV row).
 *
 * @param name                the club's name, unique among clubs
 * @param category            one of the federation's categories
 * @param foundedOn           the club's original founding date (ISO, e.g. 2019-09-01)
 * @param leaderName          the current leader's name
 * @param leaderStudentNumber the current leader's student number
 * @param contact             how to reach the club
 * @param memberStudentNumbers the club's current members, where known (optional; not a CSV column)
 */
public record ExistingClubRequest(
        @NotBlank @Size(max = 80) String name,
        @NotBlank @Pattern(regexp = "academic-technology|arts-culture|sports|volunteering|entrepreneurship|other",
                message = "must be one of academic-technology, arts-culture, sports, volunteering, entrepreneurship, other")
        String category,
        @NotNull @PastOrPresent(message = "an existing club cannot have been founded in the future") LocalDate foundedOn,
        @NotBlank @Size(max = 60) String leaderName,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9]{4,20}", message = "must be 4 to 20 letters or digits")
        String leaderStudentNumber,
        @NotBlank @Size(max = 200) String contact,
        @Size(max = 2000) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9]{4,20}",
                message = "must be 4 to 20 letters or digits") String> memberStudentNumbers) {

    public static final List<String> CSV_COLUMNS = List.of("name", "category", "foundedOn", "leaderName", "leaderStudentNumber", "contact");

    ExistingClub toExistingClub() {
        return new ExistingClub(name, ClubCategory.fromValue(category).orElseThrow(), foundedOn, leaderName,
                leaderStudentNumber, contact, memberStudentNumbers);
    }
}
