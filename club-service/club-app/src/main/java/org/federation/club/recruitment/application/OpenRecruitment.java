package org.federation.club.recruitment.application;

import org.federation.platform.domain.BusinessClock;
import org.federation.club.ClubResources;
import java.time.Instant;
import java.util.UUID;

import org.federation.club.recruitment.domain.LeaderPosition;
import org.federation.club.recruitment.domain.LeaderPositions;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.Clubs;
import org.federation.club.registry.domain.Leader;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.StateConflictException;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Open recruitment of club leaders: a club's leaders or the Organization Department post a
 * position, students apply, and appointing one applicant makes them a leader of the club (the
 * club's leadership history records it) before the position is marked filled. Appointing is
 * idempotent on the club, so a retried appointment is safe.
 */
@Service
public class OpenRecruitment {

    private static final Logger log = LoggerFactory.getLogger(OpenRecruitment.class);

    private final LeaderPositions positions;
    private final Clubs clubs;
    private final BusinessClock clock;

    public OpenRecruitment(LeaderPositions positions, Clubs clubs, BusinessClock clock) {
        this.positions = positions;
        this.clubs = clubs;
        this.clock = clock;
    }

    public LeaderPosition post(String clubId, String role, String description, Instant closesAt, Caller caller) {
        Club club = club(clubId);
        requireRecruiter(club, caller, "posting a leader position");
        var posted = LeaderPosition.post(UUID.randomUUID().toString(), clubId, role, description, closesAt,
                caller.subject(), clock.instant());
        positions.add(posted);
        LeaderPosition position = posted.state();
        log.info("Leader position {} ({}) posted for club {} by {}", position.id(), role, clubId, caller.subject());
        return position;
    }

    public LeaderPosition apply(String positionId, String statement, Caller caller) {
        LeaderPosition position = get(positionId);
        if (club(position.clubId()).isLedBy(caller.subject())) {
            throw new StateConflictException(caller.subject() + " already leads club " + position.clubId());
        }
        String name = caller.name() == null || caller.name().isBlank() ? caller.subject() : caller.name();
        return positions.change(positionId, p -> p.apply(caller.subject(), name, statement, clock.instant()));
    }

    public LeaderPosition appoint(String positionId, String studentNumber, Caller caller) {
        LeaderPosition position = get(positionId);
        Club club = club(position.clubId());
        requireRecruiter(club, caller, "appointing from an open recruitment");
        LeaderPosition.Applicant applicant = position.applicant(studentNumber);
        position.fill(studentNumber, caller.subject(), clock.instant()); // refuses a closed position before any write
        Instant now = clock.instant();
        clubs.change(club.id(), c -> c.appointLeader(new Leader(studentNumber, applicant.name(), position.role()),
                positionId, caller.subject(), now));
        LeaderPosition filled = positions.change(positionId, p -> p.fill(studentNumber, caller.subject(), now));
        log.info("{} appointed {} of club {} from open recruitment {}", studentNumber, position.role(), club.id(), positionId);
        return filled;
    }

    public LeaderPosition cancel(String positionId, Caller caller) {
        LeaderPosition position = get(positionId);
        requireRecruiter(club(position.clubId()), caller, "cancelling a leader position");
        return positions.change(positionId, p -> p.cancel(caller.subject(), clock.instant()));
    }

    public LeaderPosition get(String positionId) {
        return positions.find(positionId).orElseThrow(() -> new ResourceNotFoundException("leader position", positionId));
    }

    public PageOf<LeaderPosition> list(String clubId, LeaderPosition.State state, int page, int size) {
        return positions.list(clubId, state, page, size);
    }

    /**
     * The position as the caller may see it: its recruiters (the club's leaders, the Organization
     * Department), the presidium and the club's liaison officer see every applicant; anyone else only their own application.
     */
    public LeaderPosition visibleTo(LeaderPosition position, Caller caller) {
        Club club = club(position.clubId());
        if (club.isLedBy(caller.subject()) || Remit.readsClub(caller, ClubResources.RECRUITMENT, club.profile().liaisonOfficer())) {
            return position;
        }
        return new LeaderPosition(position.id(), position.clubId(), position.role(), position.description(),
                position.closesAt(), position.postedBy(), position.postedAt(), position.state(),
                position.applicants().stream().filter(a -> a.studentNumber().equals(caller.subject())).toList(),
                position.appointed(), position.closedBy(), position.closedAt());
    }

    private static void requireRecruiter(Club club, Caller caller, String what) {
        if (!club.isLedBy(caller.subject()) && !caller.actsFor("organization")) {
            throw new ForbiddenException(what + " is for club " + club.id()
                    + "'s leaders or the Organization Department");
        }
    }

    private Club club(String clubId) {
        return clubs.find(clubId).orElseThrow(() -> new ResourceNotFoundException("club", clubId));
    }
}
