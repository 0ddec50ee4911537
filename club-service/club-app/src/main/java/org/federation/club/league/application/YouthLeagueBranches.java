package org.federation.club.league.application;

import org.federation.platform.domain.BusinessClock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.federation.club.league.domain.LeagueBranch;
import org.federation.club.league.domain.LeagueBranches;
import org.federation.club.registry.application.OrganizationDepartment;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.Clubs;
import org.federation.club.registry.domain.Leader;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.security.Caller;
import org.springframework.stereotype.Service;

/**
 * Clubs' youth-league branches: the club's leaders establish a branch and keep its members and
 * secretary (the secretary may keep members too); the Organization Department records awards.
 */
@Service
public class YouthLeagueBranches {

    private final LeagueBranches branches;
    private final Clubs clubs;
    private final BusinessClock clock;

    public YouthLeagueBranches(LeagueBranches branches, Clubs clubs, BusinessClock clock) {
        this.branches = branches;
        this.clubs = clubs;
        this.clock = clock;
    }

    public LeagueBranch establish(String clubId, String secretary, List<String> members, Caller caller) {
        Club club = club(clubId);
        requireLeader(club, caller);
        Set<String> people = people(club);
        var existing = branches.find(clubId);
        if (existing.isPresent()) {
            return change(clubId, b -> b.reestablish(secretary, members, people, caller.subject(),
                    clock.instant()), caller, "re-established");
        }
        LeagueBranch branch = LeagueBranch.establish(clubId, secretary, members, people, caller.subject(), clock.instant());
        branches.add(branch.announced("established", caller.subject()));
        return branch;
    }

    public LeagueBranch addMember(String clubId, String studentNumber, Caller caller) {
        Club club = club(clubId);
        requireKeeper(club, caller);
        return change(clubId, b -> b.addMember(studentNumber, people(club)), caller, studentNumber + " joined");
    }

    public LeagueBranch removeMember(String clubId, String studentNumber, Caller caller) {
        requireKeeper(club(clubId), caller);
        return change(clubId, b -> b.removeMember(studentNumber), caller, studentNumber + " left");
    }

    public LeagueBranch appointSecretary(String clubId, String studentNumber, Caller caller) {
        requireLeader(club(clubId), caller);
        return change(clubId, b -> b.appointSecretary(studentNumber), caller, studentNumber + " appointed secretary");
    }

    public LeagueBranch award(String clubId, String award, String year, String recipient, Caller caller) {
        OrganizationDepartment.require(caller, "recording youth-league awards");
        club(clubId);
        return change(clubId, b -> b.award(new LeagueBranch.Award(award, year, recipient, caller.subject(),
                clock.instant())), caller, award + " " + year);
    }

    public LeagueBranch dissolve(String clubId, Caller caller) {
        requireLeader(club(clubId), caller);
        return change(clubId, LeagueBranch::dissolve, caller, "dissolved");
    }

    private LeagueBranch change(String clubId, UnaryOperator<LeagueBranch> command, Caller caller, String what) {
        return branches.change(clubId, branch -> branch.becoming(command.apply(branch), what, caller.subject()));
    }

    public LeagueBranch get(String clubId) {
        return branches.find(clubId).orElseThrow(() -> new ResourceNotFoundException("youth-league branch of club", clubId));
    }

    private void requireKeeper(Club club, Caller caller) {
        boolean secretary = branches.find(club.id()).map(b -> b.secretary().equals(caller.subject())).orElse(false);
        if (!club.isLedBy(caller.subject()) && !secretary) {
            throw new ForbiddenException("a branch's members are kept by club " + club.id() + "'s leaders or its secretary");
        }
    }

    private static void requireLeader(Club club, Caller caller) {
        if (!club.isLedBy(caller.subject())) {
            throw new ForbiddenException("club " + club.id() + "'s leaders establish and run its youth-league branch");
        }
    }

    private static Set<String> people(Club club) {
        Set<String> people = new HashSet<>(club.memberStudentNumbers());
        club.leaders().stream().map(Leader::studentNumber).forEach(people::add);
        return people;
    }

    private Club club(String clubId) {
        return clubs.find(clubId).orElseThrow(() -> new ResourceNotFoundException("club", clubId));
    }
}
