package org.federation.club.founding.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.federation.club.registry.domain.ClubCategory;
import org.federation.platform.problem.RuleViolationException;

/**
 * What the initiators propose: the club's name, category, purpose, planned activities, faculty
 * advisor, draft constitution, contact, and themselves with their proposed roles.
 */
public record Proposal(String name, ClubCategory category, String purpose, List<String> plannedActivities,
                       String facultyAdvisor, String constitution, String contact, List<Initiator> initiators) {

    public Proposal {
        plannedActivities = plannedActivities == null ? List.of() : List.copyOf(plannedActivities);
        initiators = initiators == null ? List.of() : List.copyOf(initiators);
    }

    /**
     * The proposal tidied (text stripped, default roles given) and checked against the rules that
     * do not need the store: at least {@code minInitiators} initiators, none twice, the submitter
     * among them, known roles and exactly one proposed president. Without any proposed role the
     * first initiator is president and the rest members; an initiator without a role is a member.
     *
     * @throws RuleViolationException naming the field
     */
    public Proposal checked(String submitter, int minInitiators) {
        Set<String> seen = new HashSet<>();
        for (Initiator initiator : initiators) {
            if (!seen.add(initiator.studentNumber().strip())) {
                throw new RuleViolationException("initiators", "student number " + initiator.studentNumber().strip()
                        + " is listed more than once");
            }
        }
        if (initiators.size() < minInitiators) {
            throw new RuleViolationException("initiators", "a founding application needs at least " + minInitiators
                    + " initiators; it lists " + initiators.size());
        }
        if (!seen.contains(submitter)) {
            throw new RuleViolationException("initiators", "the submitter (" + submitter
                    + ") must be one of the initiators");
        }
        boolean anyRole = initiators.stream().anyMatch(i -> i.role() != null);
        List<Initiator> tidy = new ArrayList<>();
        for (int i = 0; i < initiators.size(); i++) {
            Initiator initiator = initiators.get(i);
            String role = initiator.role() != null ? initiator.role().strip()
                    : !anyRole && i == 0 ? Initiator.PRESIDENT : Initiator.MEMBER;
            if (!Initiator.ROLES.contains(role)) {
                throw new RuleViolationException("initiators", "'" + role + "' is not a role; roles are "
                        + String.join(", ", Initiator.ROLES));
            }
            tidy.add(new Initiator(initiator.studentNumber().strip(), initiator.name().strip(), role));
        }
        long presidents = tidy.stream().filter(i -> Initiator.PRESIDENT.equals(i.role())).count();
        if (presidents != 1) {
            throw new RuleViolationException("initiators", "exactly one initiator is proposed as president; "
                    + presidents + " are");
        }
        return new Proposal(name.strip(), category, purpose.strip(),
                plannedActivities.stream().map(String::strip).toList(), facultyAdvisor.strip(), constitution.strip(),
                contact.strip(), tidy);
    }

    public List<String> initiatorNumbers() {
        return initiators.stream().map(Initiator::studentNumber).toList();
    }
}
