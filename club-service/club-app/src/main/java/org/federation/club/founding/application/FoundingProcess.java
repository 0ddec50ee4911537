package org.federation.club.founding.application;

import org.federation.platform.domain.FederationCalendar;
import org.federation.platform.domain.BusinessClock;
import org.federation.club.ClubResources;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.federation.club.founding.domain.BallotChoice;
import org.federation.club.founding.domain.Checklist;
import org.federation.club.founding.domain.CriterionAnswer;
import org.federation.club.founding.domain.FoundingApplication;
import org.federation.club.founding.domain.FoundingApplications;
import org.federation.club.founding.domain.FoundingRules;
import org.federation.club.founding.domain.FoundingState;
import org.federation.club.founding.domain.PanelMember;
import org.federation.club.founding.domain.Proposal;
import org.federation.club.profile.application.SharedProfile;
import org.federation.club.registry.application.ClubRules;
import org.federation.club.registry.application.OrganizationDepartment;
import org.federation.club.registry.domain.ClubName;
import org.federation.club.registry.domain.Clubs;
import org.federation.platform.domain.Decision;
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
 * Founding a club, each command checked against who may give it: the initiators submit, correct
 * and withdraw their application; the Organization Department (or the presidium) reviews it
 * against the one checklist, schedules and closes its hearing; the panel votes. An approved
 * application is completed here: the club is created under an id derived from the application
 * (so a retry cannot create two), then the application is marked established. The two writes are
 * two documents, so an approved application whose club is missing is completed again by a retry
 * of the command that approved it and by {@link FoundingCompletionSweep}.
 */
@Service
public class FoundingProcess {

    private static final Logger log = LoggerFactory.getLogger(FoundingProcess.class);

    private final FoundingApplications applications;
    private final Clubs clubs;
    private final BusinessClock clock;
    private final FoundingSettings settings;
    private final ClubRules clubRules;
    private final SharedProfile profile;

    public FoundingProcess(FoundingApplications applications, Clubs clubs, BusinessClock clock, FoundingSettings settings,
                           ClubRules clubRules, SharedProfile profile) {
        this.profile = profile;
        this.applications = applications;
        this.clubs = clubs;
        this.clock = clock;
        this.settings = settings;
        this.clubRules = clubRules;
    }

    public Checklist checklist() {
        return settings.qualificationChecklist();
    }

    public FoundingRules rules() {
        return settings.rules();
    }

    // ---- initiators ----

    /** Any signed-in person submits, as one of the initiators; the name must be free. */
    public FoundingApplication submit(Proposal proposal, Caller caller) {
        Instant now = clock.instant();
        Decision<FoundingApplication> change = FoundingApplication.submit(UUID.randomUUID().toString(), proposal,
                caller.subject(), now, rules());
        requireNameFree(change.state().name(), now);
        applications.add(change);
        return logged(change, caller);
    }

    /** One of the initiators corrects a returned application and submits it again. */
    public FoundingApplication resubmit(String id, Proposal corrected, Caller caller) {
        Instant now = clock.instant();
        return logged(applications.change(id, application -> {
            requireInitiator(application, caller, "resubmitting");
            Decision<FoundingApplication> change = application.resubmit(corrected, caller.subject(), now, rules());
            if (!ClubName.key(change.state().name()).equals(ClubName.key(application.name()))) {
                requireNameFree(change.state().name(), now);
            }
            return change;
        }), caller);
    }

    /** One of the initiators withdraws the open application. */
    public FoundingApplication withdraw(String id, String reason, Caller caller) {
        return logged(applications.change(id, application -> {
            requireInitiator(application, caller, "withdrawing");
            return application.withdraw(reason, caller.subject(), clock.instant());
        }), caller);
    }

    // ---- Organization Department ----

    public FoundingApplication review(String id, List<CriterionAnswer> answers, Caller caller) {
        OrganizationDepartment.require(caller, "reviewing a founding application");
        return logged(applications.change(id, application -> application.review(answers, checklist(), caller.subject(),
                clock.instant())), caller);
    }

    public FoundingApplication scheduleHearing(String id, Instant at, String place, List<PanelMember> panel,
                                               Caller caller) {
        OrganizationDepartment.require(caller, "scheduling a founding defense hearing");
        return logged(applications.change(id, application -> application.scheduleHearing(at, place, panel,
                caller.subject(), clock.instant(), rules())), caller);
    }

    /**
     * Closes the hearing after its time; the decision follows from the ballots. Closing an
     * application already approved (a retry after a failure) completes its establishment.
     */
    public FoundingApplication closeHearing(String id, Caller caller) {
        OrganizationDepartment.require(caller, "closing a founding defense hearing");
        FoundingApplication current = get(id);
        if (current.state() == FoundingState.APPROVED) {
            return completeQuietly(id, caller.subject());
        }
        Decision<FoundingApplication> change = applications.change(id, application -> application.closeHearing(
                caller.subject(), clock.instant(), rules()));
        logged(change, caller);
        return change.state().state() == FoundingState.APPROVED
                ? completeQuietly(id, caller.subject()) : change.state();
    }

    // ---- the panel ----

    /**
     * A panel member casts their ballot; the last one decides. A retry after a failure completes an
     * approved application first (and is then refused as a second ballot).
     */
    public FoundingApplication castBallot(String id, BallotChoice choice, String comment, Caller caller) {
        if (get(id).state() == FoundingState.APPROVED) {
            completeQuietly(id, caller.subject());
        }
        Decision<FoundingApplication> change = applications.change(id, application -> application.castBallot(
                caller.subject(), choice, comment, clock.instant(), rules()));
        logged(change, caller);
        return change.state().state() == FoundingState.APPROVED
                ? completeQuietly(id, caller.subject()) : change.state();
    }

    // ---- establishment ----

    /**
     * Establishes the club of an approved application and marks the application established (with
     * the announcement). Safe to repeat and to run on several instances at once: the club's id is
     * derived from the application's, so a second insert finds it already there; the application
     * is changed under its version. Anything but an approved application is left as it is.
     */
    public FoundingApplication complete(String id, String actor) {
        FoundingApplication application = get(id);
        if (application.state() != FoundingState.APPROVED) {
            return application;
        }
        Instant now = clock.instant();
        String clubId = application.clubIdToFound();
        if (clubs.find(clubId).isEmpty()) {
            try {
                clubs.add(application.foundClub(actor, now, clubRules.leadershipTerm()));
                log.info("Club {} '{}' founded from application {}", clubId, application.name(), id);
            } catch (StateConflictException e) {
                if (clubs.find(clubId).isEmpty()) {
                    throw e; // not a repeat: the name was taken by a club meanwhile
                }
            }
        }
        // what the initiators gave in the application goes into the club's profile, as of the club's founding (a
        // repeat after a crash finds the same facts there and changes nothing)
        Instant foundedAt = clubs.find(clubId).map(org.federation.club.registry.domain.Club::enteredAt).orElse(now);
        profile.learn(clubId, application.profileFacts(foundedAt), actor);
        Decision<FoundingApplication> done = applications.change(id, a -> a.markEstablished(clubId, actor, now, rules()));
        if (!done.events().isEmpty()) {
            log.info("Founding application {} established club {} and announced it", id, clubId);
        }
        return done.state();
    }

    /** Completes approved applications whose club is missing (after a crash between the two writes). */
    public int completePending() {
        int completed = 0;
        for (String id : applications.idsIn(FoundingState.APPROVED)) {
            try {
                if (complete(id, "system").state() == FoundingState.ESTABLISHED) {
                    completed++;
                }
            } catch (RuntimeException e) {
                log.warn("Founding application {} is approved but its club could not be established yet: {}", id,
                        e.getMessage());
            }
        }
        return completed;
    }

    private FoundingApplication completeQuietly(String id, String actor) {
        try {
            return complete(id, actor);
        } catch (RuntimeException e) {
            log.warn("Founding application {} is approved; establishing its club failed and will be retried: {}", id,
                    e.getMessage());
            return get(id);
        }
    }

    // ---- queries ----

    /** The Organization Department and the presidium see every application; the initiators see their own, and a hearing's panel the one it hears. */
    public FoundingApplication view(String id, Caller caller) {
        FoundingApplication application = get(id);
        if (!Remit.reads(caller, ClubResources.FOUNDING) && !application.isInitiator(caller.subject())
                && !application.isOnAPanel(caller.subject())) {
            throw new ForbiddenException("founding application " + id + " is for its initiators, its hearing's panel "
                    + "and the Organization Department");
        }
        return application;
    }

    public PageOf<FoundingApplication> list(FoundingState state, int page, int size, Caller caller) {
        Remit.requireReads(caller, ClubResources.FOUNDING, "the list of founding applications");
        return applications.newestFirst(state, page, size);
    }

    private FoundingApplication get(String id) {
        return applications.find(id).orElseThrow(() -> new ResourceNotFoundException("founding application", id));
    }

    private void requireNameFree(String name, Instant now) {
        if (clubs.nameTaken(name)) {
            throw new StateConflictException("a club named '" + name + "' already exists");
        }
        applications.rejectedUntil(name, FederationCalendar.dayOf(now)).ifPresent(date -> {
            throw new StateConflictException("the name '" + name + "' was rejected at a founding hearing; it may be "
                    + "applied for again from " + date);
        });
        applications.holderOf(name).ifPresent(holder -> {
            throw new StateConflictException("the name '" + name + "' is already proposed by " + holder);
        });
    }

    private static void requireInitiator(FoundingApplication application, Caller caller, String what) {
        if (!application.isInitiator(caller.subject())) {
            throw new ForbiddenException(what + " founding application " + application.id()
                    + " is for its initiators only");
        }
    }


    private static FoundingApplication logged(Decision<FoundingApplication> change, Caller caller) {
        FoundingApplication application = change.state();
        if (!application.history().isEmpty()) {
            var step = application.history().get(application.history().size() - 1);
            log.info("Founding application {} '{}': {} by {} ({} -> {}): {}", application.id(), application.name(),
                    step.action(), caller.subject(), step.from(), step.to(), step.note());
        }
        return application;
    }
}
