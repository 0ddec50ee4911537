package org.federation.club.evaluation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.federation.platform.domain.FederationCalendar;
import org.federation.club.activity.domain.ClubActivity;
import org.federation.club.activity.domain.YearOfActivities;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.EvaluationPublished;
import org.federation.club.registry.domain.AnnualRegistration;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.Memberships;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.RuleViolationException;

/**
 * A club's evaluation for an academic year: one score per criterion, each with its reason and
 * source. What the platform knows (registration, handover, member retention, activities held and
 * report compliance) is filled in from the club's own record; the department enters only the rest. A draft may be prepared again; a
 * published evaluation is final.
 * <p>
 * A criterion whose outcome is not known yet (the year's registration is still open and the club
 * has not registered) is {@code pending}: it has no score, the total counts only the decided
 * criteria and says how many are pending ({@code pendingCriteria}), so a club is never marked down
 * for something it may still do in time.
 */
public record ClubEvaluation(String id, String clubId, String academicYear, List<EvaluationPublished.Score> scores,
                             double total, Integer pendingCriteria, boolean published, String preparedBy,
                             Instant preparedAt, String publishedBy, Instant publishedAt) {

    /** A score the department enters for a criterion it cannot derive. */
    public record Entered(int score, String reason) {
    }

    public ClubEvaluation {
        scores = List.copyOf(scores);
        pendingCriteria = pendingCriteria == null ? 0 : pendingCriteria; // stored before criteria could be pending
    }

    public static String idFor(String clubId, String academicYear) {
        return clubId + ":" + academicYear;
    }

    /**
     * What the activity record says about the year: the activities the club held with their reports,
     * and how many a year the department expects.
     */
    public record Activities(YearOfActivities year, int expectedPerYear) {
    }

    /**
     * @param registrationDeadline the deadline of the year's registration, or null if it has not
     *                             been opened yet
     */
    public static ClubEvaluation prepare(Club club, String academicYear, List<EvaluationCriterion> criteria,
                                         Map<String, Entered> entered, Activities activities,
                                         Instant registrationDeadline, String actor, Instant now) {
        Set<String> known = new java.util.HashSet<>(criteria.stream().map(EvaluationCriterion::id).toList());
        entered.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
            throw new RuleViolationException("scores", "'" + k + "' is not a criterion; criteria: " + known);
        });
        List<EvaluationPublished.Score> scores = new ArrayList<>();
        double weights = 0;
        double weighted = 0;
        int pending = 0;
        for (EvaluationCriterion criterion : criteria) {
            EvaluationPublished.Score score;
            if (criterion.derived()) {
                if (entered.containsKey(criterion.id())) {
                    throw new RuleViolationException("scores", criterion.id() + " is derived from the club's record; "
                            + "it is not entered");
                }
                score = derive(club, academicYear, criterion, activities, registrationDeadline, now);
            } else {
                Entered value = entered.get(criterion.id());
                if (value == null) {
                    throw new RuleViolationException("scores", "enter a score and reason for " + criterion.id());
                }
                if (value.score() < 0 || value.score() > 100) {
                    throw new RuleViolationException("scores", criterion.id() + ": a score is 0 to 100");
                }
                score = new EvaluationPublished.Score(criterion.id(), value.score(), criterion.weight(), value.reason(),
                        "entered:" + actor);
            }
            scores.add(score);
            if (score.isPending()) {
                pending++;
            } else {
                weights += criterion.weight();
                weighted += score.score() * criterion.weight();
            }
        }
        double total = weights == 0 ? 0 : weighted / weights;
        return new ClubEvaluation(idFor(club.id(), academicYear), club.id(), academicYear, scores,
                Math.round(total * 10) / 10.0, pending, false, actor, now, null, null);
    }

    /** Prepares again over a draft; a published evaluation stays as it is. */
    public void requireDraft(String what) {
        if (published) {
            throw new IllegalTransitionException(what + " evaluation " + id, "published", List.of());
        }
    }

    /**
     * Publishes the draft: {@code evaluation-published}, caused by whoever publishes it. With
     * criteria still pending, and the year's registration deadline still ahead, the department must
     * say explicitly that it publishes anyway ({@code despitePending}); otherwise 409, since the club
     * may still change the outcome in time.
     *
     * @param registrationDeadline the year's registration deadline, or null if not opened yet
     */
    public Decision<ClubEvaluation> publish(String actor, Instant now, Instant registrationDeadline,
                                            boolean despitePending) {
        requireDraft("publishing");
        boolean deadlineAhead = registrationDeadline == null || !now.isAfter(registrationDeadline);
        if (pendingCriteria > 0 && deadlineAhead && !despitePending) {
            throw new IllegalTransitionException("publishing evaluation " + id + " (" + pendingCriteria
                    + " criteria still pending before the registration deadline"
                    + (registrationDeadline == null ? ", which is not set yet" : " of " + registrationDeadline)
                    + "; publish with despitePending=true to publish them as pending)", "draft", List.of("prepare"));
        }
        ClubEvaluation published = new ClubEvaluation(id, clubId, academicYear, scores, total, pendingCriteria, true,
                preparedBy, preparedAt, actor, now);
        return Decision.of(published, new DomainEvent(ClubEventTypes.EVALUATION_PUBLISHED, actor, published.event()));
    }

    public EvaluationPublished event() {
        return new EvaluationPublished(id, clubId, academicYear, total, scores, pendingCriteria);
    }

    private static EvaluationPublished.Score derive(Club club, String year, EvaluationCriterion criterion,
                                                    Activities activities, Instant registrationDeadline,
                                                    Instant now) {
        return switch (criterion.derivedFrom()) {
            case "registration" -> registration(club, year, criterion, registrationDeadline, now);
            case "handover" -> handover(club, criterion);
            case "retention" -> retention(club, year, criterion, now);
            case "activities" -> activitiesHeld(activities, criterion);
            case "reports" -> reportCompliance(activities.year(), criterion);
            default -> throw new IllegalStateException("unknown derivation " + criterion.derivedFrom());
        };
    }

    private static EvaluationPublished.Score registration(Club club, String year, EvaluationCriterion c,
                                                          Instant deadline, Instant now) {
        AnnualRegistration r = club.registrations().forYear(year).orElse(null);
        if (r == null) {
            boolean missed = club.registrations().missedYears().contains(year);
            if (!missed && deadline == null) {
                return EvaluationPublished.Score.pending(c.id(), c.weight(), "the registration for " + year
                        + " has not opened yet", "derived");
            }
            if (!missed && !now.isAfter(deadline)) {
                return EvaluationPublished.Score.pending(c.id(), c.weight(), "not registered for " + year
                        + " yet; the registration is open until " + FederationCalendar.wallClock(deadline), "derived");
            }
            return derived(c, 0, missed ? "missed the registration deadline for " + year : "not registered for " + year);
        }
        if (!r.accepted()) {
            return derived(c, 25, "registered late for " + year + ", not accepted yet");
        }
        return r.late() ? derived(c, 50, "registered late for " + year + " (accepted)")
                : derived(c, 100, "registered on time for " + year + " on " + FederationCalendar.dayOf(r.submittedAt()));
    }

    private static EvaluationPublished.Score handover(Club club, EvaluationCriterion c) {
        LocalDate overdue = club.leadership().overdueSince();
        return overdue != null ? derived(c, 0, "handover overdue since the term ended on " + overdue)
                : derived(c, 100, "no handover overdue (term until " + club.leadership().termEndsOn() + ")");
    }

    private static EvaluationPublished.Score retention(Club club, String year, EvaluationCriterion c, Instant now) {
        LocalDate start = LocalDate.of(Integer.parseInt(year.substring(0, 4)), 9, 1);
        LocalDate end = LocalDate.of(Integer.parseInt(year.substring(5)), 8, 31);
        LocalDate today = FederationCalendar.dayOf(now);
        LocalDate until = today.isBefore(end) ? today : end;
        List<String> atStart = club.memberships().on(start).stream().map(Memberships.Period::studentNumber).toList();
        if (atStart.isEmpty()) {
            return derived(c, 100, "no members at the start of " + year + " to keep");
        }
        Set<String> stayed = new java.util.HashSet<>(club.memberships().on(until).stream()
                .map(Memberships.Period::studentNumber).toList());
        long kept = atStart.stream().filter(stayed::contains).count();
        int score = (int) Math.round(100.0 * kept / atStart.size());
        return derived(c, score, kept + " of " + atStart.size() + " members of " + start + " still members on " + until);
    }

    private static EvaluationPublished.Score activitiesHeld(Activities activities, EvaluationCriterion c) {
        YearOfActivities year = activities.year();
        int held = year.held().size();
        int expected = Math.max(1, activities.expectedPerYear());
        int score = (int) Math.min(100, Math.round(100.0 * held / expected));
        String titles = year.held().stream().limit(10).map(a -> a.title() + " (" + FederationCalendar.dayOf(a.start()) + ")")
                .collect(java.util.stream.Collectors.joining("; "));
        return derived(c, score, held + " activities held in " + year.academicYear() + " (" + expected + " expected)"
                + (held == 0 ? "" : ": " + titles + (held > 10 ? "; ..." : "")));
    }

    private static EvaluationPublished.Score reportCompliance(YearOfActivities year, EvaluationCriterion c) {
        long due = year.reportsDue();
        long onTime = year.reports(ClubActivity.ReportStatus.ON_TIME);
        long late = year.reports(ClubActivity.ReportStatus.LATE);
        long overdue = year.reports(ClubActivity.ReportStatus.OVERDUE);
        long awaited = year.reports(ClubActivity.ReportStatus.AWAITED);
        String notYet = awaited == 0 ? "" : "; " + awaited + " not due yet";
        if (due == 0) {
            return derived(c, 100, "no summary report due for " + year.academicYear() + "'s activities" + notYet);
        }
        int score = (int) Math.round((100.0 * onTime + 50.0 * late) / due);
        return derived(c, score, onTime + " on time, " + late + " late, " + overdue + " overdue of " + due
                + " summary reports due for " + year.academicYear() + notYet);
    }

    private static EvaluationPublished.Score derived(EvaluationCriterion c, int score, String reason) {
        return new EvaluationPublished.Score(c.id(), score, c.weight(), reason, "derived");
    }
}
