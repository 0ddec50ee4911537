package org.federation.notification.routing.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of notice notification-service makes from other services' events, what they are
 * about, and who subscribes to them until someone changes it.
 */
public final class NoticeKinds {

    /** One kind: its name, its area ({@code lifecycle}, {@code finance}, {@code activities}) and what it says. */
    public record Kind(String name, String area, String description) {
    }

    private static final Map<String, Kind> ALL = new LinkedHashMap<>();

    static {
        lifecycle("club-established", "a club entered the platform (imported or founded)");
        lifecycle("founding-submitted", "initiators submitted a founding application");
        lifecycle("founding-qualified", "a founding application passed the qualification review");
        lifecycle("founding-returned", "a founding application went back to its initiators");
        lifecycle("founding-withdrawn", "initiators withdrew a founding application");
        lifecycle("hearing-scheduled", "a founding defense hearing was scheduled");
        lifecycle("hearing-inconclusive", "a hearing ended without a quorum");
        lifecycle("founding-rejected", "a panel rejected a founding application");
        lifecycle("founding-announced", "the announcement of a newly approved club");
        lifecycle("registration-opened", "the annual registration opened");
        lifecycle("registration-confirmed", "a club confirmed its annual registration");
        lifecycle("registration-missed", "a club missed the registration deadline");
        lifecycle("election-recorded", "a club recorded its leader election meeting");
        lifecycle("leadership-changed", "a new leadership term began");
        lifecycle("handover-overdue", "a term ended without a confirmed handover");
        lifecycle("club-suspended", "the presidium suspended a club");
        lifecycle("club-reinstated", "a suspension was lifted");
        lifecycle("dissolution-requested", "a club asked to dissolve");
        lifecycle("club-dissolved", "a club was dissolved");
        lifecycle("club-merged", "clubs merged into a successor");
        lifecycle("late-registration-submitted", "a club registered after the deadline and awaits acceptance");
        lifecycle("hearing-ballot-cast", "a panel member cast a ballot at a founding hearing");
        add("credential-issued", "membership", "a member credential was issued");
        add("account-opened", "finance", "an account was opened");
        add("account-settled", "finance", "a dissolving club's account was settled and closed");
        add("budget-requested", "finance", "an activity's organisers asked for a budget");
        add("budget-decided", "finance", "a budget was decided (when finance-service publishes it)");
        add("budget-closed", "finance", "an activity's budget was closed and what remained released");
        add("statement-published", "finance", "a fee statement was published (when finance-service publishes it)");
        add("transaction-posted", "finance", "a transaction was posted to the ledger (any kind)");
        add("transaction-reversed", "finance", "a ledger transaction was reversed");
        add("fee-payment-recorded", "finance", "membership fees were recorded as paid and booked");
        add("sponsorship-receipt-recorded", "finance", "money from a sponsor was received and booked");
        add("activity-proposed", "activities", "an activity was proposed and awaits review (not public yet)");
        add("activity-published", "activities", "an activity was approved and published");
        add("activity-changed", "activities", "a published activity's time, venue or organisers changed");
        add("activity-cancelled", "activities", "a published activity was cancelled");
        add("registration-promoted", "activities", "a seat came free and a waitlisted person has it");
        add("report-overdue", "activities", "an activity's summary report is overdue");
        add("report-submitted", "activities", "an activity's summary report was submitted");
        add("training-class-created", "activities", "a training class was opened");
        add("training-class-changed", "activities", "a training class's plan changed (a session added)");
        add("trainee-enrolled", "activities", "a student was enrolled in a training class");
    }

    /**
     * Kinds of facts for work queues and records (issue 19), heard by their subscribers only (and a
     * person they name): not by the leaders of the clubs they touch, as {@code ownClubs} would have it.
     */
    public static final java.util.Set<String> SUBSCRIBERS_ONLY = java.util.Set.of("late-registration-submitted",
            "hearing-ballot-cast", "credential-issued", "transaction-posted", "transaction-reversed",
            "fee-payment-recorded", "sponsorship-receipt-recorded", "training-class-created", "training-class-changed",
            "trainee-enrolled");

    /** Who subscribes to what from the start: each department the updates in its remit. */
    public static final Map<String, List<String>> DEPARTMENT_DEFAULTS = Map.of(
            // the Organization Department reviews proposals: they are its work queue
            "organization", java.util.stream.Stream.concat(ALL.values().stream().filter(k -> k.area().equals("lifecycle"))
                    .map(Kind::name), java.util.stream.Stream.of("activity-proposed")).toList(),
            "finance", List.of("account-settled", "budget-requested", "budget-decided", "budget-closed", "statement-published",
                    "dissolution-requested", "transaction-reversed"),
            "publicity", List.of("activity-published", "activity-changed", "activity-cancelled", "founding-announced",
                    "statement-published"),
            "evaluation", List.of("report-overdue", "report-submitted", "handover-overdue"),
            "external-relations", List.of("sponsorship-receipt-recorded"),
            "office", List.of());

    private NoticeKinds() {
    }

    private static void lifecycle(String name, String description) {
        add(name, "lifecycle", description);
    }

    private static void add(String name, String area, String description) {
        ALL.put(name, new Kind(name, area, description));
    }

    public static List<Kind> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<Kind> of(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    /** A department's kinds until it changes them; nothing for a person (their own clubs' notices come anyway). */
    public static List<String> defaultsFor(String subscriber) {
        if (subscriber.startsWith("department:")) {
            return DEPARTMENT_DEFAULTS.getOrDefault(subscriber.substring("department:".length()), List.of());
        }
        return List.of();
    }
}
