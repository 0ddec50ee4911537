package org.federation.finance.sponsorship.application;

import org.federation.finance.FinanceResources;
import org.federation.finance.clubs.application.ClubRights;
import org.federation.finance.sponsorship.domain.Sponsorship;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.springframework.stereotype.Component;

/**
 * Who may record and read sponsorships: the External Relations and Finance Departments any, a
 * club's leaders their own club's agreements; a club's sponsorships are read by its own people too.
 */
@Component
public class SponsorshipRights {

    static final String EXTERNAL_RELATIONS = "external-relations";

    private final ClubRights clubs;

    SponsorshipRights(ClubRights clubs) {
        this.clubs = clubs;
    }

    /** Recording an agreement ({@code clubId} null: the federation's). */
    public void requireRecorder(Caller caller, String clubId) {
        boolean department = caller.actsFor(EXTERNAL_RELATIONS) || caller.actsFor(ClubRights.FINANCE);
        if (!department && !(clubId != null && clubs.isLeader(caller, clubId))) {
            throw new ForbiddenException("recording a sponsorship is for the External Relations and Finance Departments"
                    + " and, for their own club, a club's leaders");
        }
    }

    /** Reading one sponsorship. */
    public void requireReader(Caller caller, Sponsorship sponsorship) {
        if (sponsorship.clubId() == null) {
            Remit.requireReads(caller, FinanceResources.SPONSORSHIPS, "the federation's sponsorships");
        } else {
            clubs.requireInsight(caller, sponsorship.clubId(), FinanceResources.SPONSORSHIPS,
                    "club " + sponsorship.clubId() + "'s sponsorships");
        }
    }
}
