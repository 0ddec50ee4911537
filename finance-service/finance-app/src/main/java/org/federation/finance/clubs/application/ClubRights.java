package org.federation.finance.clubs.application;

import org.federation.finance.clubs.domain.KnownClub;
import org.federation.finance.clubs.domain.KnownClubs;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a club's money. Club rights come from finance-service's own copy of
 * club-service's facts ({@link KnownClubs}), never from the token: a leader is whoever the
 * newest snapshot lists as leader. Money decisions are the Finance Department's (or the presidium's).
 */
@Component
public class ClubRights {

    public static final String FINANCE = "finance";

    private final KnownClubs clubs;

    ClubRights(KnownClubs clubs) {
        this.clubs = clubs;
    }

    public boolean isInsider(Caller caller, String clubId) {
        return clubId != null && clubs.find(clubId).map(c -> c.includes(caller.subject())).orElse(false);
    }

    public boolean isLeader(Caller caller, String clubId) {
        return clubId != null && clubs.find(clubId).map(c -> c.leaders() != null
                && c.leaders().stream().anyMatch(l -> caller.subject().equals(l.studentNumber()))).orElse(false);
    }

    /** The club's liaison officer as finance-service's club facts name it, or null. */
    public String liaisonOf(String clubId) {
        return clubId == null ? null : clubs.find(clubId).map(KnownClub::liaisonOfficer).orElse(null);
    }

    /**
     * The club's own leaders and members, its liaison officer and the departments whose remit covers
     * this kind of resource ({@link FinanceResources}) may look at its finances.
     */
    public void requireInsight(Caller caller, String clubId, String resource, String what) {
        Remit.requireReadsClub(caller, resource, isInsider(caller, clubId), liaisonOf(clubId), what);
    }

    /** Only the Finance Department (or the presidium) decides about money. */
    public void requireFinance(Caller caller, String what) {
        if (!caller.actsFor(FINANCE)) {
            throw new ForbiddenException(what + " is for the Finance Department and the presidium");
        }
    }

    /** The club's own leaders (its president, treasurer, …) or the Finance Department. */
    public void requireLeaderOrFinance(Caller caller, String clubId, String what) {
        if (!caller.actsFor(FINANCE) && !isLeader(caller, clubId)) {
            throw new ForbiddenException(what + " is for the club's leaders and the Finance Department");
        }
    }
}
