package org.federation.platform.security;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.federation.platform.problem.ForbiddenException;

/**
 * Who in the federation reads what: the one place the remit table of {@code docs/security.md} is
 * enforced. The presidium reads everything; a department reads the kinds of resource in its remit
 * (the services name their resources, e.g. {@code "ledger"}); a liaison officer reads the internal
 * data of the clubs the roster assigns to them (the club's facts name its liaison officer) and of no
 * other club. A club's own people are decided by each service from its club facts and passed in.
 *
 * <p>Before, any role but {@code STUDENT} read every club's internal data ("federation staff").
 */
public final class Remit {

    /** Every department may verify a member credential shown to it (at an activity, a desk). */
    public static final String CREDENTIAL_VERIFICATION = "credential-verification";

    /** The remit table: department → the kinds of resource it reads across clubs. */
    static final Map<String, Set<String>> READS = Map.of(
            "organization", Set.of("lifecycle", "founding", "registrations", "roster", "members", "recruitment",
                    "league-branches", "profiles", "activities", "activity-reports", "training", CREDENTIAL_VERIFICATION),
            "finance", Set.of("ledger", "budgets", "fees", "statements", "sponsorships", CREDENTIAL_VERIFICATION),
            "evaluation", Set.of("evaluations", "activity-records", "activities", "activity-reports",
                    CREDENTIAL_VERIFICATION),
            "publicity", Set.of("information-requests", "profiles", CREDENTIAL_VERIFICATION),
            "external-relations", Set.of("information-requests", "profiles", "sponsorships", CREDENTIAL_VERIFICATION),
            "office", Set.of("feedback", CREDENTIAL_VERIFICATION));

    private Remit() {
    }

    /** The kinds of resource this department reads (empty for an unknown department). */
    public static Set<String> readsOf(String department) {
        return READS.getOrDefault(department, Set.of());
    }

    /** Whether the caller reads this kind of resource across clubs: the presidium, or a department whose remit has it. */
    public static boolean reads(Caller caller, String resource) {
        return caller.isPresidium() || READS.entrySet().stream()
                .anyMatch(e -> e.getValue().contains(resource) && caller.inDepartment(e.getKey()));
    }

    /**
     * Whether the caller reads this kind of one club's internal data from the federation's side:
     * by remit, or as the liaison officer the roster assigned to the club.
     *
     * @param liaisonOfficer the club's liaison officer as its facts say, or null
     */
    public static boolean readsClub(Caller caller, String resource, String liaisonOfficer) {
        return reads(caller, resource) || isLiaisonOf(caller, liaisonOfficer);
    }

    /** The same for data of several clubs at once (an activity's organisers): the liaison officer of any of them. */
    public static boolean readsClubs(Caller caller, String resource, java.util.Collection<String> liaisonOfficers) {
        return reads(caller, resource) || liaisonOfficers.stream().anyMatch(officer -> isLiaisonOf(caller, officer));
    }

    /** {@link #requireReadsClub} for data of several clubs at once (an activity's organisers). */
    public static void requireReadsClubs(Caller caller, String resource, boolean insider,
                                         java.util.Collection<String> liaisonOfficers, String what) {
        if (!insider && !readsClubs(caller, resource, liaisonOfficers)) {
            throw new ForbiddenException(what + " is for its clubs' own people, their liaison officers and the departments "
                    + "whose remit covers " + resource + " (docs/security.md)");
        }
    }

    /** Whether the caller is the liaison officer the club's facts name. */
    public static boolean isLiaisonOf(Caller caller, String liaisonOfficer) {
        return liaisonOfficer != null && caller.subject() != null && Objects.equals(caller.subject(), liaisonOfficer);
    }

    /** Refuses (403) a caller whose remit does not hold this kind of resource, for a view across clubs. */
    public static void requireReads(Caller caller, String resource, String what) {
        if (!reads(caller, resource)) {
            throw new ForbiddenException(what + " is for the presidium and the departments whose remit covers "
                    + resource + " (docs/security.md)");
        }
    }

    /**
     * Refuses (403) anyone but the club's own people ({@code insider}, decided by the service), its
     * liaison officer and those whose remit holds this kind of resource.
     */
    public static void requireReadsClub(Caller caller, String resource, boolean insider, String liaisonOfficer, String what) {
        requireReadsClub(caller, resource, insider, "the club's own people", liaisonOfficer, what);
    }

    /**
     * {@link #requireReadsClub(Caller, String, boolean, String, String)} naming the insiders in the
     * refusal (e.g. "the club's leaders" where members are refused too).
     */
    public static void requireReadsClub(Caller caller, String resource, boolean insider, String insiders,
                                        String liaisonOfficer, String what) {
        if (!insider && !readsClub(caller, resource, liaisonOfficer)) {
            throw new ForbiddenException(what + " is for " + insiders + ", its liaison officer and the departments "
                    + "whose remit covers " + resource + " (docs/security.md)");
        }
    }
}
