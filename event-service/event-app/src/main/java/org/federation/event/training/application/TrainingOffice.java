package org.federation.event.training.application;

import org.federation.platform.domain.BusinessClock;
import org.federation.event.EventResources;
import org.federation.platform.security.Remit;
import java.util.List;
import java.util.UUID;

import org.federation.event.activities.application.ActivityPlanning;
import org.federation.event.activities.domain.Activity;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.event.clubs.domain.OrganisingClub;
import org.federation.event.training.domain.AttendanceRecord;
import org.federation.event.training.domain.SeatingChart;
import org.federation.event.training.domain.SeatingRule;
import org.federation.event.training.domain.Trainee;
import org.federation.event.training.domain.TraineeFeedback;
import org.federation.event.training.domain.TrainingClass;
import org.federation.event.training.domain.TrainingClasses;
import org.federation.event.training.domain.TrainingSession;
import org.federation.platform.paging.PageOf;
import org.federation.platform.domain.Decision;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.federation.platform.security.Caller;
import org.springframework.stereotype.Service;

/**
 * Training classes: who may open and manage them (the organising department's people and the
 * presidium), trainees' enrolment and withdrawal, attendance per session, and seating. A trainee
 * sees the class, their own record and their own attendance; everyone else is refused (403).
 */
@Service
public class TrainingOffice {

    private final TrainingClasses classes;
    private final ClubDirectory clubs;
    private final ActivityPlanning activities;
    private final BusinessClock clock;

    TrainingOffice(TrainingClasses classes, ClubDirectory clubs, ActivityPlanning activities, BusinessClock clock) {
        this.classes = classes;
        this.clubs = clubs;
        this.activities = activities;
        this.clock = clock;
    }

    /** What a new class is: its title, organiser, capacity, first sessions and optionally its activity. */
    public record Opening(String title, String department, String activityId, int capacity,
                          List<TrainingSession.Plan> sessions) {
    }

    /**
     * Opens a class. With a {@code department}, its members and head or the presidium may; without
     * one the presidium runs it itself. An attached activity must be known (422) and approved (409).
     */
    public TrainingClass open(Opening opening, Caller caller) {
        String organiser = opening.department() == null ? TrainingClass.PRESIDIUM : opening.department();
        if (!manages(organiser, caller)) {
            throw new ForbiddenException(opening.department() == null
                    ? "a training class without a department is the presidium's; name your department"
                    : "a training class of the " + organiser + " department is opened by its people or the presidium");
        }
        if (opening.activityId() != null) {
            Activity activity;
            try {
                activity = activities.get(opening.activityId());
            } catch (ResourceNotFoundException e) {
                throw new RuleViolationException("activityId", "activity " + opening.activityId() + " is unknown");
            }
            if (!activity.isPublished()) {
                throw new StateConflictException("activity " + activity.id() + " is " + activity.state()
                        + "; a training class attaches to an approved activity");
            }
        }
        Decision<TrainingClass> opened = TrainingClass.create("tc-" + UUID.randomUUID(), opening.title(), organiser,
                opening.activityId(), opening.capacity(), opening.sessions(), caller.subject(), clock.instant());
        classes.add(opened);
        return opened.state();
    }

    /** The Organization Department and the presidium see every class, newest first. */
    public PageOf<TrainingClass> list(int page, int size, Caller caller) {
        Remit.requireReads(caller, EventResources.TRAINING, "the list of training classes");
        return classes.newestFirst(page, size);
    }

    /** The classes the caller is enrolled in, newest first: anyone signed in may ask about themself. */
    public PageOf<TrainingClass> mine(int page, int size, Caller caller) {
        return classes.ofTrainee(caller.subject(), page, size);
    }

    /** The class: for its managers and its enrolled trainees. */
    public TrainingClass read(String id, Caller caller) {
        TrainingClass trainingClass = get(id);
        if (!manages(trainingClass.organiser(), caller) && !trainingClass.isTrainee(caller.subject())) {
            throw new ForbiddenException("training class " + id + " is for its organisers and its trainees");
        }
        return trainingClass;
    }

    /** The class, for its managers only (rosters, attendance, printing). */
    public TrainingClass manage(String id, Caller caller) {
        TrainingClass trainingClass = get(id);
        requireManager(trainingClass, caller);
        return trainingClass;
    }

    public TrainingClass addSession(String id, TrainingSession.Plan plan, Caller caller) {
        manage(id, caller);
        return classes.decide(id, c -> c.schedule(plan, caller.subject()));
    }

    /** What is known of a new trainee: the club must be in event-service's club directory (422 otherwise). */
    public record Enrolment(String studentNumber, String name, String clubId, String team) {
    }

    public Trainee enrol(String id, Enrolment enrolment, Caller caller) {
        manage(id, caller);
        OrganisingClub club = clubs.find(enrolment.clubId()).orElseThrow(() ->
                new RuleViolationException("clubId", "club " + enrolment.clubId() + " is unknown"));
        Trainee trainee = Trainee.enrolled(enrolment.studentNumber(), enrolment.name(), club.id(), club.name(),
                enrolment.team(), clock.instant());
        return classes.decide(id, c -> c.admit(trainee, caller.subject())).requireTrainee(enrolment.studentNumber());
    }

    public Trainee withdraw(String id, String studentNumber, Caller caller) {
        manage(id, caller).requireTrainee(studentNumber);
        return classes.change(id, c -> c.withdraw(studentNumber, clock.instant())).requireTrainee(studentNumber);
    }

    /** An enrolled trainee gives (or changes) their own feedback on the class; nobody else may (403). */
    public TraineeFeedback giveFeedback(String id, int rating, String comment, Caller caller) {
        if (get(id).trainee(caller.subject()).isEmpty()) {
            throw new ForbiddenException("feedback on training class " + id + " is given by its trainees");
        }
        return classes.change(id, c -> c.giveFeedback(caller.subject(), rating, comment, clock.instant())).feedback()
                .stream().filter(f -> f.studentNumber().equals(caller.subject())).findFirst().orElseThrow();
    }

    /** The managers write (or revise) the summary once the last session has ended. */
    public TrainingClass writeReport(String id, String summary, Caller caller) {
        manage(id, caller);
        return classes.change(id, c -> c.writeReport(summary, caller.subject(), clock.instant()));
    }

    /** Marks attendance; repeating the same mark changes nothing. */
    public AttendanceRecord.AtSession mark(String id, int session, String studentNumber, String status, Caller caller) {
        manage(id, caller);
        TrainingClass marked = classes.change(id, c -> c.mark(session, studentNumber, status, caller.subject(),
                clock.instant()));
        return new AttendanceRecord.AtSession(marked.requireTrainee(studentNumber), status);
    }

    /**
     * The class, for reading one trainee's record and attendance: its managers and the trainee themself
     * may (404 if the student was never enrolled).
     */
    public TrainingClass forTrainee(String id, String studentNumber, Caller caller) {
        TrainingClass trainingClass = get(id);
        if (!caller.is(studentNumber)) {
            requireManager(trainingClass, caller);
        }
        trainingClass.requireTrainee(studentNumber);
        return trainingClass;
    }

    /**
     * Seats a managed class's enrolled trainees for a session, in the layout given or else the
     * session's venue layout (422 if neither, or if they do not fit).
     */
    public SeatingChart seating(TrainingClass trainingClass, int session, String rule, Integer rows, Integer seatsPerRow) {
        TrainingSession at = trainingClass.requireSession(session);
        SeatingRule seatingRule = SeatingRule.of(rule);
        if ((rows == null) != (seatsPerRow == null)) {
            throw new RuleViolationException("rows", "give both rows and seatsPerRow, or neither to use the session's layout");
        }
        if (rows == null && !at.hasLayout()) {
            throw new RuleViolationException("rows", "session " + session
                    + " has no venue layout; give rows and seatsPerRow");
        }
        return seatingRule.assign(trainingClass.enrolled(), rows != null ? rows : at.rows(),
                seatsPerRow != null ? seatsPerRow : at.seatsPerRow());
    }

    private TrainingClass get(String id) {
        return classes.find(id).orElseThrow(() -> new ResourceNotFoundException("training class", id));
    }

    private static void requireManager(TrainingClass trainingClass, Caller caller) {
        if (!manages(trainingClass.organiser(), caller)) {
            throw new ForbiddenException("training class " + trainingClass.id() + " is managed by "
                    + (TrainingClass.PRESIDIUM.equals(trainingClass.organiser()) ? "the presidium"
                    : "the " + trainingClass.organiser() + " department and the presidium"));
        }
    }

    private static boolean manages(String organiser, Caller caller) {
        return TrainingClass.PRESIDIUM.equals(organiser) ? caller.isPresidium() : caller.actsFor(organiser);
    }
}
