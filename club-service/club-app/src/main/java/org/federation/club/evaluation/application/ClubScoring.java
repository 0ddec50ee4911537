package org.federation.club.evaluation.application;

import org.federation.platform.domain.BusinessClock;
import org.federation.club.ClubResources;
import java.util.List;
import java.util.Map;

import org.federation.club.activity.application.ActivityRecord;
import org.federation.club.evaluation.domain.ClubEvaluation;
import org.federation.club.evaluation.domain.ClubEvaluations;
import org.federation.club.evaluation.domain.EvaluationCriterion;
import org.federation.club.registration.domain.RegistrationWindow;
import org.federation.club.registration.domain.RegistrationWindows;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.Clubs;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The Evaluation Department scores clubs per academic year: what the club's record shows
 * (including its activity record from event-service) is filled in, the department enters the rest, and publishing makes it the club's to see.
 */
@Service
public class ClubScoring {

    private static final Logger log = LoggerFactory.getLogger(ClubScoring.class);
    private static final String EVALUATION = "evaluation";

    private final ClubEvaluations evaluations;
    private final Clubs clubs;
    private final EvaluationSettings settings;
    private final BusinessClock clock;
    private final ActivityRecord activityRecord;
    private final RegistrationWindows windows;

    public ClubScoring(ClubEvaluations evaluations, Clubs clubs, EvaluationSettings settings, BusinessClock clock,
                       ActivityRecord activityRecord, RegistrationWindows windows) {
        this.activityRecord = activityRecord;
        this.windows = windows;
        this.evaluations = evaluations;
        this.clubs = clubs;
        this.settings = settings;
        this.clock = clock;
    }

    public List<EvaluationCriterion> criteria() {
        return settings.criteria();
    }

    public ClubEvaluation prepare(String clubId, String academicYear, Map<String, ClubEvaluation.Entered> entered,
                                  Caller caller) {
        requireEvaluator(caller);
        RegistrationWindow.requireAcademicYear(academicYear);
        ClubEvaluation draft = ClubEvaluation.prepare(club(clubId), academicYear, settings.criteria(), entered,
                new ClubEvaluation.Activities(activityRecord.yearOf(clubId, academicYear), settings.activitiesPerYear()),
                registrationDeadline(academicYear), caller.subject(), clock.instant());
        evaluations.saveDraft(draft);
        return draft;
    }

    /**
     * Publishes the draft; with criteria pending before the year's registration deadline only when
     * the department says so ({@code despitePending}), else 409.
     */
    public ClubEvaluation publish(String clubId, String academicYear, boolean despitePending, Caller caller) {
        requireEvaluator(caller);
        club(clubId);
        ClubEvaluation published = evaluations.publish(ClubEvaluation.idFor(clubId, academicYear), caller.subject(),
                clock.instant(), registrationDeadline(academicYear), despitePending);
        log.info("Evaluation of club {} for {} published by {}: {}", clubId, academicYear, caller.subject(),
                published.total());
        return published;
    }

    /** The Evaluation Department, the presidium and the club's liaison officer see every evaluation; the club's own people only published ones. */
    public List<ClubEvaluation> ofClub(String clubId, Caller caller) {
        Club club = club(clubId);
        Remit.requireReadsClub(caller, ClubResources.EVALUATIONS, club.includes(caller.subject()), club.profile().liaisonOfficer(),
                "club " + clubId + "'s evaluations");
        boolean drafts = Remit.readsClub(caller, ClubResources.EVALUATIONS, club.profile().liaisonOfficer());
        return evaluations.ofClub(clubId).stream().filter(e -> e.published() || drafts).toList();
    }

    private java.time.Instant registrationDeadline(String academicYear) {
        return windows.find(academicYear).map(RegistrationWindow::deadline).orElse(null);
    }

    private static void requireEvaluator(Caller caller) {
        if (!caller.actsFor(EVALUATION)) {
            throw new ForbiddenException("scoring clubs is the Evaluation Department's remit (or the presidium's)");
        }
    }

    private Club club(String clubId) {
        return clubs.find(clubId).orElseThrow(() -> new ResourceNotFoundException("club", clubId));
    }
}
