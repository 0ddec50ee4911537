package org.federation.club.founding.web;

import java.util.List;

import org.federation.club.founding.domain.Initiator;
import org.federation.club.founding.domain.Proposal;
import org.federation.club.registry.domain.ClubCategory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A founding application, as submitted (and as resubmitted after corrections).
 *
 * @param proposedName      the club's proposed name: unique among live clubs and open applications
 * @param category          one of the federation's categories
 * @param purpose           what the club is for
 * @param plannedActivities what it plans to do (1 to 30 entries)
 * @param facultyAdvisor    the faculty advisor (name, and department if useful)
 * @param constitution      the draft constitution, as text
 * @param contact           how to reach the initiators
 * @param initiators        the initiators (the submitter among them); roles optional
 */
public record FoundingApplicationRequest(
        @NotBlank @Size(max = 80) String proposedName,
        @NotBlank @Pattern(regexp = "academic-technology|arts-culture|sports|volunteering|entrepreneurship|other",
                message = "must be one of academic-technology, arts-culture, sports, volunteering, entrepreneurship, other")
        String category,
        @NotBlank @Size(max = 2000) String purpose,
        @NotNull @Size(min = 1, max = 30) List<@NotBlank @Size(max = 300) String> plannedActivities,
        @NotBlank @Size(max = 120) String facultyAdvisor,
        @NotBlank @Size(max = 50000) String constitution,
        @NotBlank @Size(max = 200) String contact,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid InitiatorRequest> initiators) {

    /**
     * One initiator.
     *
     * @param role optional: {@code president}, {@code vice-president}, {@code treasurer}, {@code secretary}
     *             or {@code member}; without any role the first initiator is president, the rest members
     */
    public record InitiatorRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9]{4,20}", message = "must be 4 to 20 letters or digits")
            String studentNumber,
            @NotBlank @Size(max = 60) String name,
            @Pattern(regexp = "president|vice-president|treasurer|secretary|member",
                    message = "must be one of president, vice-president, treasurer, secretary, member")
            String role) {
    }

    Proposal toProposal() {
        return new Proposal(proposedName, ClubCategory.fromValue(category).orElseThrow(), purpose, plannedActivities,
                facultyAdvisor, constitution, contact,
                initiators.stream().map(i -> new Initiator(i.studentNumber(), i.name(), i.role())).toList());
    }
}
