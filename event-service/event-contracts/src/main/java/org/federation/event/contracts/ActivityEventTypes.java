package org.federation.event.contracts;

/**
 * The {@code ce_type} values event-service publishes on {@link ActivityTopics#ACTIVITY_EVENTS}, keyed by
 * the activity id, each carrying the activity's public snapshot in {@code activity}; registrations
 * are keyed by the registration's id instead.
 */
public final class ActivityEventTypes {

    /**
     * An activity was proposed (not public yet: it awaits confirmations or the federation's review).
     * Payload: {@link ActivityProposed}.
     */
    public static final String PROPOSED = "org.federation.activity.proposed.v1";

    /** The federation approved an activity; it is published. Payload: {@link ActivityPublished}. */
    public static final String PUBLISHED = "org.federation.activity.published.v1";

    /** A published activity's time, venue or organisers changed. Payload: {@link ActivityChanged}. */
    public static final String CHANGED = "org.federation.activity.changed.v1";

    /** A published activity was cancelled. Payload: {@link ActivityCancelled}. */
    public static final String CANCELLED = "org.federation.activity.cancelled.v1";

    /** The organisers published an activity's attendance (distinct people checked in). Payload: {@link ActivityAttendance}. */
    public static final String ATTENDANCE_PUBLISHED = "org.federation.activity.attendance-published.v1";

    /** A summary report is overdue (the notification service chases it, the Evaluation Department counts it). Payload: {@link ActivityReportOverdue}. */
    public static final String REPORT_OVERDUE = "org.federation.activity.report-overdue.v1";

    /** The organisers submitted an activity's summary report. Payload: {@link ActivityReportSubmitted}. */
    public static final String REPORT_SUBMITTED = "org.federation.activity.report-submitted.v1";

    /** A budget request accompanies a proposal; finance-service decides. Payload: {@link BudgetRequested}. */
    public static final String BUDGET_REQUESTED = "org.federation.activity.budget-requested.v1";

    /**
     * A person's registration for an activity changed: registered, waitlisted, promoted from the
     * waitlist to a seat, or cancelled. Key = the registration id ({@code <activityId>|<studentNumber>}).
     * Payload: {@link RegistrationChanged}.
     */
    public static final String REGISTRATION_CHANGED = "org.federation.activity.registration-changed.v1";

    /**
     * A training class was opened (key = class id, {@code tc-…}; not an activity). Payload:
     * {@link TrainingClassCreated}.
     */
    public static final String TRAINING_CLASS_CREATED = "org.federation.activity.training-class-created.v1";

    /** A training class's plan changed, e.g. a session was added (key = class id). Payload: {@link TrainingClassChanged}. */
    public static final String TRAINING_CLASS_CHANGED = "org.federation.activity.training-class-changed.v1";

    /** A student was enrolled in a training class (key = class id). Payload: {@link TraineeEnrolled}. */
    public static final String TRAINEE_ENROLLED = "org.federation.activity.trainee-enrolled.v1";

    private ActivityEventTypes() {
    }
}
