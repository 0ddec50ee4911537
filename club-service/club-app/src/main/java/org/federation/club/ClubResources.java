package org.federation.club;

/**
 * The kinds of club-service's resources, as the remit table ({@code docs/security.md},
 * {@link org.federation.platform.security.Remit}) names them: which department reads which.
 */
public final class ClubResources {

    /** Lifecycle history, leadership records, mergers, the lifecycle dashboard: Organization. */
    public static final String LIFECYCLE = "lifecycle";
    /** Founding applications: Organization. */
    public static final String FOUNDING = "founding";
    /** Annual registration forms: Organization. */
    public static final String REGISTRATIONS = "registrations";
    /** Rosters and membership applications: Organization. */
    public static final String MEMBERS = "members";
    /** Open recruitment's applicants: Organization. */
    public static final String RECRUITMENT = "recruitment";
    /** Youth-league branches: Organization. */
    public static final String LEAGUE_BRANCHES = "league-branches";
    /** A club's internal profile and its history: Organization, Publicity, External Relations. */
    public static final String PROFILES = "profiles";
    /** Information requests and their answers: Publicity, External Relations. */
    public static final String INFORMATION_REQUESTS = "information-requests";
    /** Evaluations (drafts too): Evaluation. */
    public static final String EVALUATIONS = "evaluations";
    /** The activity records evaluations derive from: Evaluation. */
    public static final String ACTIVITY_RECORDS = "activity-records";

    private ClubResources() {
    }
}
