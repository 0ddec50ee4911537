package org.federation.event.training.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.contracts.TraineeEnrolled;
import org.federation.event.contracts.TrainingClassChanged;
import org.federation.event.contracts.TrainingClassCreated;
import org.federation.event.contracts.TrainingClassSnapshot;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;

/**
 * A training class such as the Future Managers Training Class (未来管理者培训班): a federation
 * department (or the presidium) runs it over several sessions for a limited number of trainees,
 * marks who attended each session, and prints sign-in sheets and seating charts. Everything about
 * one class is kept in one document, so the capacity is enforced by the version-checked write.
 *
 * @param organiser  the organising department ({@code organization}, …) or {@value #PRESIDIUM}
 * @param activityId the approved activity the class belongs to, or null
 * @param marks      the attendance marks, one per trainee and session at most
 * @param feedback   the trainees' feedback, one per trainee at most (the last given counts)
 * @param report     the organisers' summary once written, else null
 */
public record TrainingClass(String id, String title, String organiser, String activityId, int capacity,
                            List<TrainingSession> sessions, List<Trainee> trainees, List<AttendanceMark> marks,
                            List<TraineeFeedback> feedback, ClassReport report, String createdBy, Instant createdAt) {

    /** The organiser of a class the presidium runs itself. */
    public static final String PRESIDIUM = "presidium";
    public static final int MAX_CAPACITY = 500;
    public static final int MAX_SESSIONS = 40;

    public TrainingClass {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        trainees = trainees == null ? List.of() : List.copyOf(trainees);
        marks = marks == null ? List.of() : List.copyOf(marks);
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
    }

    /** A new class with its first sessions (at least one), numbered 1, 2, … in the order given. */
    public static TrainingClass open(String id, String title, String organiser, String activityId, int capacity,
                                     List<TrainingSession.Plan> sessions, String by, Instant now) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new RuleViolationException("capacity", "capacity is between 1 and " + MAX_CAPACITY);
        }
        if (sessions == null || sessions.isEmpty() || sessions.size() > MAX_SESSIONS) {
            throw new RuleViolationException("sessions", "a class has between 1 and " + MAX_SESSIONS + " sessions");
        }
        TrainingClass opened = new TrainingClass(id, title, organiser, activityId, capacity, List.of(), List.of(),
                List.of(), List.of(), null, by, now);
        for (TrainingSession.Plan plan : sessions) {
            opened = opened.addSession(plan);
        }
        return opened;
    }

    /**
     * Opens a class ({@link #open}) as a fact others may follow: {@code training-class-created}, by
     * whoever opened it.
     */
    public static Decision<TrainingClass> create(String id, String title, String organiser, String activityId,
                                                 int capacity, List<TrainingSession.Plan> sessions, String by, Instant now) {
        TrainingClass opened = open(id, title, organiser, activityId, capacity, sessions, by, now);
        return Decision.of(opened, new DomainEvent(ActivityEventTypes.TRAINING_CLASS_CREATED, by,
                new TrainingClassCreated(opened.snapshot())));
    }

    /** Adds a session ({@link #addSession}) as a change of plan: {@code training-class-changed}, by {@code by}. */
    public Decision<TrainingClass> schedule(TrainingSession.Plan plan, String by) {
        TrainingClass changed = addSession(plan);
        return Decision.of(changed, new DomainEvent(ActivityEventTypes.TRAINING_CLASS_CHANGED, by,
                new TrainingClassChanged(changed.snapshot(), TrainingClassChanged.SESSION_ADDED)));
    }

    /** Enrols a trainee ({@link #enrol}) as a fact: {@code trainee-enrolled}, by the organiser {@code by}. */
    public Decision<TrainingClass> admit(Trainee trainee, String by) {
        TrainingClass enrolled = enrol(trainee);
        return Decision.of(enrolled, new DomainEvent(ActivityEventTypes.TRAINEE_ENROLLED, by, new TraineeEnrolled(
                enrolled.snapshot(), trainee.studentNumber(), trainee.clubId(), trainee.team(), trainee.enrolledAt())));
    }

    /** The class as its events carry it: the plan and how many are enrolled, not who (names stay here). */
    public TrainingClassSnapshot snapshot() {
        return new TrainingClassSnapshot(id, title, organiser, activityId, capacity, sessions.stream()
                .map(s -> new TrainingClassSnapshot.Session(s.number(), s.start(), s.end(), s.venue(), s.topic())).toList(),
                enrolled().size(), createdBy, createdAt);
    }

    /** Adds a session after the others (422 past {@value #MAX_SESSIONS}). */
    public TrainingClass addSession(TrainingSession.Plan plan) {
        if (sessions.size() >= MAX_SESSIONS) {
            throw new RuleViolationException("sessions", "a class has at most " + MAX_SESSIONS + " sessions");
        }
        List<TrainingSession> next = new ArrayList<>(sessions);
        next.add(TrainingSession.numbered(sessions.size() + 1, plan));
        return new TrainingClass(id, title, organiser, activityId, capacity, next, trainees, marks, feedback, report,
                createdBy, createdAt);
    }

    /**
     * Enrols a trainee: 409 if they are enrolled already or the class is full. A withdrawn trainee
     * may enrol again (their earlier marks stay).
     */
    public TrainingClass enrol(Trainee trainee) {
        Optional<Trainee> existing = trainee(trainee.studentNumber());
        if (existing.isPresent() && existing.get().isEnrolled()) {
            throw new StateConflictException("student " + trainee.studentNumber() + " is already enrolled in " + id);
        }
        if (enrolled().size() >= capacity) {
            throw new StateConflictException("training class " + id + " is full (capacity " + capacity + ")");
        }
        List<Trainee> next = new ArrayList<>(trainees.stream()
                .filter(t -> !t.studentNumber().equals(trainee.studentNumber())).toList());
        next.add(trainee);
        return withTrainees(next, marks);
    }

    /** Withdraws a trainee (404 if never enrolled); withdrawing again changes nothing. */
    public TrainingClass withdraw(String studentNumber, Instant now) {
        Trainee trainee = requireTrainee(studentNumber);
        if (!trainee.isEnrolled()) {
            return this;
        }
        return withTrainees(trainees.stream().map(t -> t == trainee ? t.withdrawn(now) : t).toList(), marks);
    }

    /**
     * Marks an enrolled trainee's attendance at a session (404 for an unknown session or trainee,
     * 409 for a withdrawn one). The same status again changes nothing, so a repeated mark is harmless.
     */
    public TrainingClass mark(int session, String studentNumber, String status, String by, Instant now) {
        requireSession(session);
        Trainee trainee = requireTrainee(studentNumber);
        if (!AttendanceMark.STATUSES.contains(status)) {
            throw new RuleViolationException("status", "status is one of " + AttendanceMark.STATUSES);
        }
        if (!trainee.isEnrolled()) {
            throw new StateConflictException("student " + studentNumber + " has withdrawn from " + id);
        }
        Optional<AttendanceMark> current = markOf(session, studentNumber);
        if (current.isPresent() && current.get().status().equals(status)) {
            return this;
        }
        List<AttendanceMark> next = new ArrayList<>(marks.stream()
                .filter(m -> !(m.session() == session && m.studentNumber().equals(studentNumber))).toList());
        next.add(new AttendanceMark(session, studentNumber, status, by, now));
        return withTrainees(trainees, next);
    }

    /** Enrolled trainees in student-number order (the order of a printed roster). */
    public List<Trainee> enrolled() {
        return trainees.stream().filter(Trainee::isEnrolled).sorted(Comparator.comparing(Trainee::studentNumber)).toList();
    }

    /** Every trainee ever enrolled (withdrawn ones too), in student-number order. */
    public List<Trainee> roster() {
        return trainees.stream().sorted(Comparator.comparing(Trainee::studentNumber)).toList();
    }

    public Optional<Trainee> trainee(String studentNumber) {
        return trainees.stream().filter(t -> t.studentNumber().equals(studentNumber)).findFirst();
    }

    public Trainee requireTrainee(String studentNumber) {
        return trainee(studentNumber).orElseThrow(() -> new ResourceNotFoundException("trainee of " + id, studentNumber));
    }

    public TrainingSession requireSession(int number) {
        return sessions.stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("session of " + id, Integer.toString(number)));
    }

    public Optional<AttendanceMark> markOf(int session, String studentNumber) {
        return marks.stream().filter(m -> m.session() == session && m.studentNumber().equals(studentNumber)).findFirst();
    }

    /** Whether this student is an enrolled trainee of the class. */
    public boolean isTrainee(String studentNumber) {
        return trainee(studentNumber).map(Trainee::isEnrolled).orElse(false);
    }

    /** One trainee's attendance across the sessions (404 if never enrolled). */
    public AttendanceRecord attendanceOf(String studentNumber) {
        Trainee trainee = requireTrainee(studentNumber);
        List<String> statuses = sessions.stream()
                .map(s -> markOf(s.number(), studentNumber).map(AttendanceMark::status).orElse(null)).toList();
        return AttendanceRecord.of(trainee, statuses);
    }

    /** The attendance at one session: every enrolled trainee and whoever else was marked there. */
    public List<AttendanceRecord.AtSession> attendanceAt(int session) {
        requireSession(session);
        return roster().stream().filter(t -> t.isEnrolled() || markOf(session, t.studentNumber()).isPresent())
                .map(t -> new AttendanceRecord.AtSession(t, markOf(session, t.studentNumber())
                        .map(AttendanceMark::status).orElse(null)))
                .toList();
    }

    /**
     * An enrolled trainee's feedback on the class: a rating of 1 to 5 and an optional comment (422 for
     * another rating, 409 if they have withdrawn). Giving it again replaces it; the same again changes nothing.
     */
    public TrainingClass giveFeedback(String studentNumber, int rating, String comment, Instant now) {
        Trainee trainee = requireTrainee(studentNumber);
        if (!trainee.isEnrolled()) {
            throw new StateConflictException("student " + studentNumber + " has withdrawn from " + id);
        }
        if (rating < TraineeFeedback.LOWEST || rating > TraineeFeedback.HIGHEST) {
            throw new RuleViolationException("rating", "rating is between " + TraineeFeedback.LOWEST + " and "
                    + TraineeFeedback.HIGHEST);
        }
        Optional<TraineeFeedback> given = feedback.stream().filter(f -> f.studentNumber().equals(studentNumber)).findFirst();
        if (given.isPresent() && given.get().rating() == rating && java.util.Objects.equals(given.get().comment(), comment)) {
            return this;
        }
        List<TraineeFeedback> next = new ArrayList<>(feedback.stream()
                .filter(f -> !f.studentNumber().equals(studentNumber)).toList());
        next.add(new TraineeFeedback(studentNumber, rating, comment, now));
        return new TrainingClass(id, title, organiser, activityId, capacity, sessions, trainees, marks, next, report,
                createdBy, createdAt);
    }

    /**
     * The organisers' summary, once the last session has ended (409 before); it may be revised. The
     * attendance and the feedback in the report are worked out from the class itself when it is read.
     */
    public TrainingClass writeReport(String summary, String by, Instant now) {
        Instant lastEnd = sessions.stream().map(TrainingSession::end).max(Instant::compareTo).orElseThrow();
        if (now.isBefore(lastEnd)) {
            throw new StateConflictException("training class " + id + " runs until " + lastEnd
                    + "; its summary report is written after the last session");
        }
        if (report != null && report.summary().equals(summary)) {
            return this;
        }
        return new TrainingClass(id, title, organiser, activityId, capacity, sessions, trainees, marks, feedback,
                new ClassReport(summary, by, now), createdBy, createdAt);
    }

    /** The class in figures: attendance per session and overall, and the feedback. */
    public TrainingSummary summary() {
        return TrainingSummary.of(this);
    }

    private TrainingClass withTrainees(List<Trainee> nextTrainees, List<AttendanceMark> nextMarks) {
        return new TrainingClass(id, title, organiser, activityId, capacity, sessions, nextTrainees, nextMarks, feedback,
                report, createdBy, createdAt);
    }
}
