package org.federation.notification.routing.application;

import org.federation.notification.routing.domain.Routed;

import org.federation.notification.routing.infrastructure.FederationEventsConsumers;

import java.util.List;

import org.federation.notification.wording.domain.Yuan;
import java.util.Optional;

import org.federation.event.contracts.ActivityCancelled;
import org.federation.event.contracts.ActivityChanged;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.contracts.ActivityProposed;
import org.federation.event.contracts.ActivityPublished;
import org.federation.event.contracts.TraineeEnrolled;
import org.federation.event.contracts.TrainingClassChanged;
import org.federation.event.contracts.TrainingClassCreated;
import org.federation.event.contracts.TrainingClassSnapshot;
import org.federation.event.contracts.ActivityReportOverdue;
import org.federation.event.contracts.ActivityReportSubmitted;
import org.federation.event.contracts.ActivitySnapshot;
import org.federation.event.contracts.BudgetRequested;
import org.federation.event.contracts.RegistrationChanged;
import org.federation.notification.directory.domain.Names;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;

/**
 * What each activity event that matters says as a notice, read with event-service's contract
 * records. Who hears of it besides the kind's subscribers depends on what it asks of them:
 * <ul>
 *   <li>{@code published}: the organising clubs' members and leaders (it is their activity);</li>
 *   <li>{@code changed}, {@code cancelled}: the organising clubs' members and leaders, and the
 *       organising department of a programme (people may already have planned to come);</li>
 *   <li>{@code report-overdue}: the organising clubs' leaders and the organising department (they owe
 *       the report; members do not);</li>
 *   <li>{@code report-submitted}: the organising clubs' leaders;</li>
 *   <li>{@code budget-requested}: only its subscribers (the Finance Department decides);</li>
 *   <li>{@code registration-changed} that promoted someone from the waitlist: that person (they have
 *       a seat now).</li>
 * </ul>
 * Besides, a change or cancellation reaches everyone holding a place at the activity (see
 * {@link FederationEventsConsumers}), members of the organising clubs or not.
 * Attendance and other types make no notice.
 */
public final class ActivityEventNotices {

    private ActivityEventNotices() {
    }

    public static Optional<Routed> of(EventEnvelope event, InboundEvents inbound, Names names) {
        return Optional.ofNullable(switch (event.type()) {
            case ActivityEventTypes.PROPOSED -> {
                // not public: only the kind's subscribers (the Organization Department, who review it) hear of it
                ActivityProposed e = inbound.payload(event, ActivityProposed.class);
                ActivitySnapshot a = snapshot(event, e.activity());
                String by = a.organisingDepartment() != null ? "the " + a.organisingDepartment() + " department"
                        : names.clubs(clubsOf(a));
                yield new Routed(event.id(), "activity-proposed", "Activity proposed: " + a.title(),
                        by + (a.organisingDepartment() == null && clubsOf(a).size() > 1 ? " propose " : " proposes ") + a.title() + " (" + a.kind() + ") " + when(a)
                                + ("awaiting-confirmation".equals(a.state()) ? "; co-organisers still to confirm." : "; it awaits review."),
                        "activity:" + a.id(), List.of(), List.of());
            }
            // training classes (issue 19): for the kinds' subscribers; an enrolled trainee hears of their own enrolment
            case ActivityEventTypes.TRAINING_CLASS_CREATED -> {
                TrainingClassSnapshot c = training(event, inbound.payload(event, TrainingClassCreated.class).trainingClass());
                yield new Routed(event.id(), "training-class-created", "Training class opened: " + c.title(),
                        organiserOf(c) + " opened " + c.title() + ": " + c.sessions().size() + " sessions, "
                                + c.capacity() + " places.", "training-class:" + c.id(), List.of(), List.of());
            }
            case ActivityEventTypes.TRAINING_CLASS_CHANGED -> {
                TrainingClassChanged e = inbound.payload(event, TrainingClassChanged.class);
                TrainingClassSnapshot c = training(event, e.trainingClass());
                yield new Routed(event.id(), "training-class-changed", "Training class changed: " + c.title(),
                        c.title() + " changed (" + e.change() + "); it now has " + c.sessions().size() + " sessions.",
                        "training-class:" + c.id(), List.of(), List.of());
            }
            case ActivityEventTypes.TRAINEE_ENROLLED -> {
                TraineeEnrolled e = inbound.payload(event, TraineeEnrolled.class);
                TrainingClassSnapshot c = training(event, e.trainingClass());
                InboundEvents.require(e.studentNumber() != null, event, "studentNumber is required");
                yield new Routed(event.id(), "trainee-enrolled", "Enrolled in " + c.title(),
                        names.person(e.studentNumber()) + " is enrolled in " + c.title() + " (" + c.enrolled() + " of " + c.capacity()
                                + " places taken).", "training-class:" + c.id(), List.of(), List.of(e.studentNumber()));
            }
            case ActivityEventTypes.PUBLISHED -> {
                ActivitySnapshot a = snapshot(event, inbound.payload(event, ActivityPublished.class).activity());
                yield toMembers(event, "activity-published", "Activity published: " + a.title(),
                        a.title() + " (" + a.kind() + ") " + when(a) + "." + (a.description() == null ? "" : " " + a.description()),
                        a, List.of());
            }
            case ActivityEventTypes.CHANGED -> {
                ActivityChanged e = inbound.payload(event, ActivityChanged.class);
                ActivitySnapshot a = snapshot(event, e.activity());
                yield toMembers(event, "activity-changed", "Activity changed: " + a.title(),
                        a.title() + " changed" + (e.change() == null ? "" : " (" + e.change() + ")") + ": it is now " + when(a) + ".",
                        a, departmentOf(a));
            }
            case ActivityEventTypes.CANCELLED -> {
                ActivityCancelled e = inbound.payload(event, ActivityCancelled.class);
                ActivitySnapshot a = snapshot(event, e.activity());
                yield toMembers(event, "activity-cancelled", "Activity cancelled: " + a.title(),
                        a.title() + ", planned " + when(a) + ", is cancelled" + (e.reason() == null ? "." : ": " + e.reason()),
                        a, departmentOf(a));
            }
            case ActivityEventTypes.REPORT_OVERDUE -> {
                ActivityReportOverdue e = inbound.payload(event, ActivityReportOverdue.class);
                ActivitySnapshot a = snapshot(event, e.activity());
                yield toLeaders(event, "report-overdue", "Summary report overdue: " + a.title(),
                        "The summary report of " + a.title() + " (ended " + Moments.at(a.end()) + ") was due by " + Moments.at(e.dueAt())
                                + " and has not been submitted.", a, departmentOf(a));
            }
            case ActivityEventTypes.REPORT_SUBMITTED -> {
                ActivityReportSubmitted e = inbound.payload(event, ActivityReportSubmitted.class);
                ActivitySnapshot a = snapshot(event, e.activity());
                yield toLeaders(event, "report-submitted", "Summary report submitted: " + a.title(),
                        "The summary report of " + a.title() + " was submitted" + (e.late() ? " late" : "") + "; attendance "
                                + e.attendance() + ".", a, List.of());
            }
            case ActivityEventTypes.BUDGET_REQUESTED -> {
                BudgetRequested e = inbound.payload(event, BudgetRequested.class);
                InboundEvents.require(e.activityId() != null && e.title() != null, event, "activityId and title are required");
                String by = e.clubId() != null ? names.club(e.clubId()) : e.department() != null ? "the " + e.department()
                        + " department" : "its organisers";
                yield new Routed(event.id(), "budget-requested", "Budget requested: " + e.title(),
                        by + " asks for " + Yuan.of(e.amountFen()) + " for " + e.title()
                                + (e.purpose() == null ? "." : " (" + e.purpose() + ")."),
                        "activity:" + e.activityId(), List.of(), List.of());
            }
            case ActivityEventTypes.REGISTRATION_CHANGED -> {
                RegistrationChanged r = registration(event, inbound);
                yield RegistrationChanged.PROMOTED.equals(r.change())
                        ? new Routed(event.id(), "registration-promoted", "You have a seat: " + r.activityTitle(),
                                "A place came free at " + r.activityTitle() + " (starting " + Moments.at(r.activityStart())
                                        + ") and it is yours: you were first on the waitlist. Cancel your registration"
                                        + " if you cannot come, so the next person gets it.",
                                "activity:" + r.activityId(), List.of(), List.of(r.studentNumber()))
                        : null;
            }
            default -> null;
        });
    }

    private static Routed toMembers(EventEnvelope event, String kind, String title, String body, ActivitySnapshot a,
                                    List<String> departments) {
        return new Routed(event.id(), kind, title, body, "activity:" + a.id(), clubsOf(a), List.of(), false,
                Routed.ClubReach.MEMBERS, departments);
    }

    private static Routed toLeaders(EventEnvelope event, String kind, String title, String body, ActivitySnapshot a,
                                    List<String> departments) {
        return new Routed(event.id(), kind, title, body, "activity:" + a.id(), clubsOf(a), List.of(), false,
                Routed.ClubReach.LEADERS, departments);
    }

    /** A registration event, checked: keyed by its registration, naming the activity and the person. */
    public static RegistrationChanged registration(EventEnvelope event, InboundEvents inbound) {
        RegistrationChanged r = inbound.payload(event, RegistrationChanged.class);
        InboundEvents.require(r.registrationId() != null && r.registrationId().equals(event.subject())
                && r.activityId() != null && r.studentNumber() != null && r.status() != null && r.change() != null, event,
                "a registration event names its registration (its key), the activity, the person, the status and the change");
        return r;
    }

    private static ActivitySnapshot snapshot(EventEnvelope event, ActivitySnapshot activity) {
        InboundEvents.require(activity != null && activity.id() != null && activity.title() != null, event,
                "activity with id and title is required");
        return activity;
    }

    private static TrainingClassSnapshot training(EventEnvelope event, TrainingClassSnapshot c) {
        InboundEvents.require(c != null && c.id() != null && c.id().equals(event.subject()) && c.title() != null
                && c.sessions() != null, event, "a training class event carries the class (id = its key, title, sessions)");
        return c;
    }

    private static List<String> clubsOf(ActivitySnapshot a) {
        return a.organiserClubIds() == null ? List.of() : a.organiserClubIds().stream().distinct().toList();
    }

    private static List<String> departmentOf(ActivitySnapshot a) {
        return a.organisingDepartment() == null || a.organisingDepartment().isBlank() ? List.of()
                : List.of(a.organisingDepartment());
    }

    private static String when(ActivitySnapshot a) {
        return Moments.span(a.start(), a.end()) + (a.venue() == null ? "" : " at " + a.venue());
    }

    /** "The Organization Department", "The presidium": the organiser as people call it. */
    private static String organiserOf(TrainingClassSnapshot c) {
        String o = c.organiser();
        if (o == null || o.isBlank()) {
            return "The federation";
        }
        if ("presidium".equals(o)) {
            return "The presidium";
        }
        String words = o.replace('-', ' ');
        return "The " + Character.toUpperCase(words.charAt(0)) + words.substring(1) + " Department";
    }
}
