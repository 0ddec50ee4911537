package org.federation.event;

/**
 * The kinds of event-service's resources, as the remit table ({@code docs/security.md},
 * {@link org.federation.platform.security.Remit}) names them: which department reads which.
 */
public final class EventResources {

    /** Activities' internal records (proposals, registrations, attendance): Organization, Evaluation. */
    public static final String ACTIVITIES = "activities";
    /** Post-activity reports: Organization, Evaluation. */
    public static final String ACTIVITY_REPORTS = "activity-reports";
    /** Activities' budget requests: Finance. */
    public static final String BUDGETS = "budgets";
    /** Training classes: Organization. */
    public static final String TRAINING = "training";
    /** Clubs' leaders and members: Organization. */
    public static final String MEMBERS = "members";

    private EventResources() {
    }
}
