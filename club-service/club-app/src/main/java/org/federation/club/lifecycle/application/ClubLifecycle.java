package org.federation.club.lifecycle.application;

import org.federation.platform.domain.BusinessClock;
import org.federation.platform.domain.Decision;

import org.federation.club.registry.application.ClubRules;
import org.federation.club.registry.application.OrganizationDepartment;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.Clubs;
import org.federation.club.registry.domain.ElectionMeeting;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The commands of a club's life after it entered the platform, each checked against who may give
 * it: the club's own leaders for what the club does (recording its election, asking to
 * dissolve), the Organization Department for what it decides (confirming a handover, dissolving a
 * club), the presidium for suspension.
 */
@Service
public class ClubLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClubLifecycle.class);

    private final Clubs clubs;
    private final BusinessClock clock;
    private final ClubRules rules;

    public ClubLifecycle(Clubs clubs, BusinessClock clock, ClubRules rules) {
        this.clubs = clubs;
        this.clock = clock;
        this.rules = rules;
    }

    public Club suspend(String clubId, String reason, Caller caller) {
        requirePresidium(caller, "suspending a club");
        return logged(clubs.change(clubId, club -> club.suspend(reason, caller.subject(), clock.instant())), caller);
    }

    public Club reinstate(String clubId, String reason, Caller caller) {
        requirePresidium(caller, "reinstating a club");
        return logged(clubs.change(clubId, club -> club.reinstate(reason, caller.subject(), clock.instant())), caller);
    }

    /** The club's president asks to dissolve it, or the federation (presidium, Organization Department) decides it. */
    public Club requestDissolution(String clubId, String reason, Caller caller) {
        return logged(clubs.change(clubId, club -> {
            boolean president = club.leaders().stream().anyMatch(l -> l.studentNumber().equals(caller.subject())
                    && org.federation.club.registry.domain.Leader.PRESIDENT.equals(l.role()));
            if (!president && !caller.actsFor(OrganizationDepartment.ROLE)) {
                throw new ForbiddenException("dissolving club " + clubId + " is asked by its president or decided by "
                        + "the Organization Department or the presidium");
            }
            return club.requestDissolution(reason, caller.subject(), clock.instant());
        }), caller);
    }

    /** finance-service settled the club's account: the saga ends. */
    public void completeDissolution(String clubId, String settlement) {
        Decision<Club> change = clubs.change(clubId, club -> club.completeDissolution(settlement, clock.instant()));
        if (!change.events().isEmpty()) {
            log.info("Club {} '{}' dissolved ({})", clubId, change.state().name(), settlement);
        }
    }

    /** One of the club's leaders records its leader election meeting. */
    public Club recordElection(String clubId, ElectionMeeting meeting, Caller caller) {
        return logged(clubs.change(clubId, club -> {
            if (!club.isLedBy(caller.subject())) {
                throw new ForbiddenException("only club " + clubId + "'s leaders record its election meeting");
            }
            return club.recordElection(meeting, clock.instant());
        }), caller);
    }

    /** The Organization Department confirms the recorded election: the new term begins. */
    public Club confirmHandover(String clubId, Caller caller) {
        OrganizationDepartment.require(caller, "confirming a handover");
        return logged(clubs.change(clubId, club -> club.confirmHandover(caller.subject(), clock.instant(),
                rules.leadershipTerm())), caller);
    }


    private static void requirePresidium(Caller caller, String what) {
        if (!caller.isPresidium()) {
            throw new ForbiddenException(what + " is decided by the presidium; your roles are " + caller.roles());
        }
    }

    private static Club logged(Decision<Club> change, Caller caller) {
        Club club = change.state();
        if (!club.history().isEmpty()) {
            var step = club.history().get(club.history().size() - 1);
            log.info("Club {} '{}': {} by {} ({} -> {}): {}", club.id(), club.name(), step.action(), caller.subject(),
                    step.from(), step.to(), step.reason());
        }
        return club;
    }
}
