package org.federation.club.membership.application;

import org.federation.platform.domain.BusinessClock;
import org.federation.club.ClubResources;
import java.time.Instant;
import java.util.UUID;

import org.federation.club.membership.domain.MembershipApplication;
import org.federation.club.membership.domain.MembershipApplications;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubAction;
import org.federation.club.registry.domain.Clubs;
import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.StateConflictException;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Joining and leaving clubs: a student applies, the club's leaders approve or reject, a member
 * leaves or is removed (and their credentials are revoked). An approval admits the student first
 * and then closes the application; admitting is idempotent, so a retried approval is safe. If the
 * application was decided otherwise in between (rejected by another leader, withdrawn), the admission
 * is undone and the approval refused.
 */
@Service
public class ClubMemberships {

    private static final Logger log = LoggerFactory.getLogger(ClubMemberships.class);

    private final Clubs clubs;
    private final MembershipApplications applications;
    private final BusinessClock clock;

    public ClubMemberships(Clubs clubs, MembershipApplications applications, BusinessClock clock) {
        this.clubs = clubs;
        this.applications = applications;
        this.clock = clock;
    }

    public MembershipApplication apply(String clubId, String motivation, Caller caller) {
        Club club = club(clubId);
        if (club.includes(caller.subject())) {
            throw new StateConflictException(caller.subject() + " already belongs to club " + clubId);
        }
        if (!club.state().allows(ClubAction.ADMIT_MEMBER)) {
            throw new IllegalTransitionException("applying to join club " + clubId, club.state().value(),
                    club.allowedActions());
        }
        String name = caller.name() == null || caller.name().isBlank() ? caller.subject() : caller.name();
        Decision<MembershipApplication> change = MembershipApplication.submit(UUID.randomUUID().toString(), clubId,
                caller.subject(), name, motivation, clock.instant());
        applications.add(change);
        log.info("{} applied to join club {} (application {})", caller.subject(), clubId, change.state().id());
        return change.state();
    }

    public MembershipApplication approve(String clubId, String applicationId, Caller caller) {
        MembershipApplication application = application(clubId, applicationId);
        Club club = club(clubId);
        requireLeader(club, caller, "approving membership applications");
        application.requirePending("approving");
        Instant now = clock.instant();
        boolean admittedHere = !clubs.change(clubId,
                c -> c.admit(application.studentNumber(), application.name(), caller.subject(), now)).events().isEmpty();
        MembershipApplication approved;
        try {
            approved = applications.change(applicationId, a -> a.approve(caller.subject(), now)).state();
        } catch (StateConflictException decidedMeanwhile) {
            if (admittedHere) {
                undoAdmission(clubId, application, caller, now);
            }
            throw decidedMeanwhile;
        }
        log.info("{} admitted to club {} by {}", application.studentNumber(), clubId, caller.subject());
        return approved;
    }

    /**
     * Another leader rejected the application, or the student withdrew it, between this approval's
     * admission and its closing of the application: the application's decision stands, so the student this
     * approval admitted leaves again (with the reason), rather than being a member whose application was
     * refused. Admitting first keeps a crashed approval retryable (admitting is idempotent).
     */
    private void undoAdmission(String clubId, MembershipApplication application, Caller caller, Instant now) {
        MembershipApplication decided = applications.find(application.id()).orElse(application);
        String reason = "membership application " + application.id() + " was " + decided.state().value()
                + " at the same moment as it was approved";
        clubs.change(clubId, c -> c.endMembership(application.studentNumber(), "removed", reason, caller.subject(), now));
        log.warn("Admission of {} to club {} undone: {}", application.studentNumber(), clubId, reason);
    }

    public MembershipApplication reject(String clubId, String applicationId, String reason, Caller caller) {
        application(clubId, applicationId);
        requireLeader(club(clubId), caller, "rejecting membership applications");
        return applications.change(applicationId, a -> a.reject(reason, caller.subject(), clock.instant())).state();
    }

    public MembershipApplication withdraw(String clubId, String applicationId, Caller caller) {
        MembershipApplication application = application(clubId, applicationId);
        if (!application.studentNumber().equals(caller.subject())) {
            throw new ForbiddenException("only the applicant withdraws an application");
        }
        return applications.change(applicationId, a -> a.withdraw(caller.subject(), clock.instant())).state();
    }

    /** The caller leaves the club. */
    public Club leave(String clubId, Caller caller) {
        Club club = clubs.change(clubId, c -> c.endMembership(caller.subject(), "left", null, caller.subject(),
                clock.instant())).state();
        log.info("{} left club {}", caller.subject(), clubId);
        return club;
    }

    /** The club's leaders remove a member. */
    public Club remove(String clubId, String studentNumber, String reason, Caller caller) {
        Club club = clubs.change(clubId, c -> {
            requireLeader(c, caller, "removing members");
            return c.endMembership(studentNumber, "removed", reason, caller.subject(), clock.instant());
        }).state();
        log.info("{} removed from club {} by {}: {}", studentNumber, clubId, caller.subject(), reason);
        return club;
    }

    public PageOf<MembershipApplication> applications(String clubId, MembershipApplication.State state, int page,
                                                      int size, Caller caller) {
        Club club = club(clubId);
        Remit.requireReadsClub(caller, ClubResources.MEMBERS, club.isLedBy(caller.subject()), "the club\'s leaders",
                club.profile().liaisonOfficer(),
                "club " + clubId + "'s membership applications");
        return applications.ofClub(clubId, state, page, size);
    }

    private MembershipApplication application(String clubId, String applicationId) {
        return applications.find(applicationId).filter(a -> a.clubId().equals(clubId))
                .orElseThrow(() -> new ResourceNotFoundException("membership application", applicationId));
    }

    private Club club(String clubId) {
        return clubs.find(clubId).orElseThrow(() -> new ResourceNotFoundException("club", clubId));
    }

    private static void requireLeader(Club club, Caller caller, String what) {
        if (!club.isLedBy(caller.subject())) {
            throw new ForbiddenException(what + " is for club " + club.id() + "'s leaders");
        }
    }
}
