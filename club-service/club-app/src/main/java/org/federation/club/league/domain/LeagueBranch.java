package org.federation.club.league.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.LeagueBranchChanged;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;

/**
 * A club's youth-league branch (社团团支部): at least {@link #MINIMUM_MEMBERS} league members from
 * the club, one of them its secretary, and the awards it earns (May Fourth awards, the Red Flag
 * Branch title).
 */
public record LeagueBranch(String id, String clubId, boolean active, String secretary, List<String> members,
                           List<Award> awards, Instant establishedAt, String establishedBy) {

    public static final int MINIMUM_MEMBERS = 3;
    public static final Set<String> AWARDS = Set.of("red-flag-branch", "may-fourth-excellent-branch",
            "may-fourth-excellent-league-member", "may-fourth-excellent-league-cadre");

    /** An award or title for a year, to the branch or one of its members. */
    public record Award(String award, String year, String recipient, String awardedBy, Instant awardedAt) {
    }

    public LeagueBranch {
        members = List.copyOf(members);
        awards = awards == null ? List.of() : List.copyOf(awards);
    }

    public static String idFor(String clubId) {
        return "branch-" + clubId;
    }

    /**
     * Establishes a branch; {@code clubPeople} are the club's leaders and members (league members
     * must belong to the club).
     */
    public static LeagueBranch establish(String clubId, String secretary, List<String> leagueMembers,
                                         Set<String> clubPeople, String actor, Instant now) {
        List<String> members = new ArrayList<>(leagueMembers.stream().distinct().toList());
        if (!members.contains(secretary)) {
            members.add(0, secretary);
        }
        requireInClub(members, clubPeople, clubId);
        if (members.size() < MINIMUM_MEMBERS) {
            throw new RuleViolationException("members", "a branch needs at least " + MINIMUM_MEMBERS
                    + " league members (the secretary included); " + members.size() + " given");
        }
        return new LeagueBranch(idFor(clubId), clubId, true, secretary, members, List.of(), now, actor);
    }

    public LeagueBranch reestablish(String secretary, List<String> leagueMembers, Set<String> clubPeople, String actor,
                                    Instant now) {
        if (active) {
            throw new StateConflictException("club " + clubId + " already has an active youth-league branch");
        }
        LeagueBranch fresh = establish(clubId, secretary, leagueMembers, clubPeople, actor, now);
        return new LeagueBranch(id, clubId, true, fresh.secretary(), fresh.members(), awards, now, actor);
    }

    public LeagueBranch addMember(String studentNumber, Set<String> clubPeople) {
        requireActive("adding a league member");
        requireInClub(List.of(studentNumber), clubPeople, clubId);
        if (members.contains(studentNumber)) {
            return this;
        }
        List<String> all = new ArrayList<>(members);
        all.add(studentNumber);
        return new LeagueBranch(id, clubId, true, secretary, all, awards, establishedAt, establishedBy);
    }

    public LeagueBranch removeMember(String studentNumber) {
        requireActive("removing a league member");
        if (!members.contains(studentNumber)) {
            throw new StateConflictException(studentNumber + " is not a member of " + id);
        }
        if (studentNumber.equals(secretary)) {
            throw new StateConflictException(studentNumber + " is the branch secretary; appoint another secretary first");
        }
        if (members.size() <= MINIMUM_MEMBERS) {
            throw new StateConflictException("a branch needs at least " + MINIMUM_MEMBERS
                    + " league members; dissolve it instead");
        }
        return new LeagueBranch(id, clubId, true, secretary, members.stream().filter(m -> !m.equals(studentNumber)).toList(),
                awards, establishedAt, establishedBy);
    }

    public LeagueBranch appointSecretary(String studentNumber) {
        requireActive("appointing a secretary");
        if (!members.contains(studentNumber)) {
            throw new RuleViolationException("studentNumber", studentNumber + " is not a league member of " + id);
        }
        return new LeagueBranch(id, clubId, true, studentNumber, members, awards, establishedAt, establishedBy);
    }

    public LeagueBranch award(Award award) {
        requireActive("awarding");
        if (!AWARDS.contains(award.award())) {
            throw new RuleViolationException("award", "'" + award.award() + "' is not an award; known: " + AWARDS);
        }
        if (award.recipient() != null && !members.contains(award.recipient())) {
            throw new RuleViolationException("recipient", award.recipient() + " is not a league member of " + id);
        }
        boolean repeat = awards.stream().anyMatch(a -> a.award().equals(award.award()) && a.year().equals(award.year())
                && java.util.Objects.equals(a.recipient(), award.recipient()));
        if (repeat) {
            throw new StateConflictException(award.award() + " " + award.year() + " was already awarded");
        }
        List<Award> all = new ArrayList<>(awards);
        all.add(award);
        return new LeagueBranch(id, clubId, true, secretary, members, all, establishedAt, establishedBy);
    }

    public LeagueBranch dissolve() {
        requireActive("dissolving");
        return new LeagueBranch(id, clubId, false, secretary, members, awards, establishedAt, establishedBy);
    }

    /** This branch told to others as {@code league-branch-changed}: {@code what} happened, caused by {@code actor}. */
    public Decision<LeagueBranch> announced(String what, String actor) {
        return Decision.of(this, new DomainEvent(ClubEventTypes.LEAGUE_BRANCH_CHANGED, actor, changed(what)));
    }

    /** The branch after a command: announced if the command changed it, quietly kept if it did not (a repeat). */
    public Decision<LeagueBranch> becoming(LeagueBranch next, String what, String actor) {
        return next.equals(this) ? Decision.quietly(this) : next.announced(what, actor);
    }

    public LeagueBranchChanged changed(String change) {
        return new LeagueBranchChanged(id, clubId, active ? "active" : "dissolved", secretary, members,
                awards.stream().map(a -> a.award() + " " + a.year() + (a.recipient() == null ? "" : " " + a.recipient()))
                        .toList(), change);
    }

    private void requireActive(String what) {
        if (!active) {
            throw new IllegalTransitionException(what + " (" + id + ")", "dissolved", List.of("re-establish"));
        }
    }

    private static void requireInClub(List<String> people, Set<String> clubPeople, String clubId) {
        people.stream().filter(p -> !clubPeople.contains(p)).findFirst().ifPresent(p -> {
            throw new RuleViolationException("members", p + " does not belong to club " + clubId);
        });
    }
}
