package org.federation.club.merger.application;

import org.federation.platform.domain.FederationCalendar;
import org.federation.platform.domain.BusinessClock;
import org.federation.platform.domain.Decision;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.federation.club.registry.application.OrganizationDepartment;
import org.federation.club.merger.domain.Merger;
import org.federation.club.merger.domain.Mergers;
import org.federation.club.registry.application.ClubRules;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubCategory;
import org.federation.club.registry.domain.ClubProfile;
import org.federation.club.registry.domain.Clubs;
import org.federation.club.registry.domain.Leader;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.federation.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Merges clubs: the successor (existing, or a new club established first) takes in the members
 * and leaders' history of the merged-away clubs, which end pointing at it. Each step is
 * idempotent, so a merger interrupted half-way is finished by the recovery sweep.
 */
@Service
public class ClubMergers {

    private static final Logger log = LoggerFactory.getLogger(ClubMergers.class);
    private static final Duration RECOVERY_GRACE = Duration.ofMinutes(1);

    private final Mergers mergers;
    private final Clubs clubs;
    private final org.federation.club.registry.domain.ReservedNames reservedNames;
    private final BusinessClock clock;
    private final ClubRules rules;

    public ClubMergers(Mergers mergers, Clubs clubs, BusinessClock clock, ClubRules rules,
                       org.federation.club.registry.domain.ReservedNames reservedNames) {
        this.mergers = mergers;
        this.clubs = clubs;
        this.reservedNames = reservedNames;
        this.clock = clock;
        this.rules = rules;
    }

    public Merger merge(List<String> mergedAwayIds, String intoClubId, Merger.NewSuccessor newClub, String reason,
                        Caller caller) {
        OrganizationDepartment.require(caller, "merging clubs");
        Instant now = clock.instant();
        Merger merger = Merger.decide(UUID.randomUUID().toString(), mergedAwayIds, intoClubId, newClub, reason,
                caller.subject(), now);
        // a club the request names that does not exist is a bad request body (422), not a missing /api/mergers (404)
        List<Club> mergedAway = mergedAwayIds.stream().map(id -> named("mergedClubIds", id)).toList();
        mergedAway.forEach(Club::requireMergeable);
        if (intoClubId != null) {
            named("intoClubId", intoClubId).requireMergeable();
        } else {
            checkNewSuccessor(newClub, mergedAway);
        }
        mergers.add(merger);
        log.info("Merger {} decided by {}: {} into {}", merger.id(), caller.subject(), mergedAwayIds,
                intoClubId != null ? intoClubId : "a new club '" + newClub.name() + "'");
        return carryOut(merger, caller.subject());
    }

    public Merger get(String id) {
        return mergers.find(id).orElseThrow(() -> new ResourceNotFoundException("merger", id));
    }

    public List<Merger> newestFirst(int page, int size) {
        return mergers.newestFirst(page, size);
    }

    public long count() {
        return mergers.count();
    }

    /** Finishes mergers that stopped half-way (an instance died between two clubs). */
    @Scheduled(fixedDelayString = "${federation.clubs.deadline-sweep:PT1M}", initialDelayString = "${federation.clubs.deadline-sweep:PT1M}")
    void recover() {
        for (Merger merger : mergers.unfinishedSince(clock.instant().minus(RECOVERY_GRACE))) {
            if (merger.blockedReason() == null) {
                log.info("Resuming merger {}", merger.id());
                carryOut(merger, merger.decidedBy());
            }
        }
    }

    private Merger carryOut(Merger merger, String actor) {
        Instant now = clock.instant();
        try {
            if (merger.newSuccessor() != null && clubs.find(merger.successorId()).isEmpty()) {
                // again, not only when it was decided: a merger resumed after a crash finds the name perhaps held since
                requireNameFree(merger.newSuccessor());
                try {
                    clubs.add(newSuccessor(merger, now));
                } catch (StateConflictException taken) {
                    // its id is derived from the merger: another recoverer founded it a moment ago
                    if (clubs.find(merger.successorId()).isEmpty()) {
                        throw taken;
                    }
                }
            }
            List<Club> mergedAway = merger.mergedAwayIds().stream().map(this::club).toList();
            Club successor = clubs.change(merger.successorId(),
                    club -> club.absorb(mergedAway, merger.id(), actor, now)).state();
            for (String clubId : merger.mergedAwayIds()) {
                clubs.change(clubId, club -> club.mergeInto(successor.snapshot(), merger.mergedAwayIds(), merger.id(),
                        actor, now));
            }
            Merger done = mergers.complete(merger.id(), now);
            log.info("Merger {} complete: {} merged into {}", merger.id(), merger.mergedAwayIds(), merger.successorId());
            return done;
        } catch (StateConflictException e) {
            Merger blocked = mergers.block(merger.id(), e.getMessage());
            if (blocked.completed()) {
                log.info("Merger {} was completed by another instance meanwhile", merger.id());
                return blocked;
            }
            log.error("Merger {} blocked and needs the Organization Department: {}", merger.id(), e.getMessage());
            throw e;
        }
    }

    private Decision<Club> newSuccessor(Merger merger, Instant now) {
        Merger.NewSuccessor spec = merger.newSuccessor();
        List<Club> mergedAway = merger.mergedAwayIds().stream().map(this::club).toList();
        Leader president = personIn(spec.president(), mergedAway);
        LocalDate today = FederationCalendar.dayOf(now);
        ClubProfile profile = new ClubProfile(spec.name().strip(), categoryOf(spec), today,
                spec.contact().strip(), null, null, null);
        return Club.formForMerger(merger.successorId(), profile,
                List.of(new Leader(president.studentNumber(), president.name(), Leader.PRESIDENT)), merger.decidedBy(),
                now, rules.leadershipTerm(), merger.id());
    }

    private void checkNewSuccessor(Merger.NewSuccessor spec, List<Club> mergedAway) {
        categoryOf(spec);
        personIn(spec.president(), mergedAway);
        if (clubs.nameTaken(spec.name())) {
            boolean takenByMerging = mergedAway.stream()
                    .anyMatch(c -> org.federation.club.registry.domain.ClubName.key(c.name())
                            .equals(org.federation.club.registry.domain.ClubName.key(spec.name())));
            throw new StateConflictException("a club named '" + spec.name() + "' already exists"
                    + (takenByMerging ? "; to keep a merging club's name, merge into that club instead" : ""));
        }
        requireNameFree(spec);
    }

    /** As for a club brought onto the platform: a name an open founding application proposed is held for it. */
    private void requireNameFree(Merger.NewSuccessor spec) {
        reservedNames.holderOf(spec.name()).ifPresent(holder -> {
            throw new StateConflictException("the name '" + spec.name().strip() + "' is held by " + holder
                    + "; choose another name for the new club");
        });
    }

    private static ClubCategory categoryOf(Merger.NewSuccessor spec) {
        return ClubCategory.fromValue(spec.category()).orElseThrow(() -> new RuleViolationException("newClub.category",
                "'" + spec.category() + "' is not a category; allowed: " + ClubCategory.allowedValues()));
    }

    private static Leader personIn(String studentNumber, List<Club> clubs) {
        List<Leader> candidates = new ArrayList<>();
        for (Club club : clubs) {
            club.leaders().stream().filter(l -> l.studentNumber().equals(studentNumber)).forEach(candidates::add);
            if (club.memberStudentNumbers().contains(studentNumber)) {
                candidates.add(new Leader(studentNumber, studentNumber, Leader.PRESIDENT));
            }
        }
        return candidates.stream().findFirst().orElseThrow(() -> new RuleViolationException("newClub.president",
                studentNumber + " is neither a leader nor a member of a merging club"));
    }

    private Club named(String field, String id) {
        return clubs.find(id).orElseThrow(() -> new RuleViolationException(field, "no club has the id '" + id + "'"));
    }

    private Club club(String id) {
        return clubs.find(id).orElseThrow(() -> new ResourceNotFoundException("club", id));
    }
}
