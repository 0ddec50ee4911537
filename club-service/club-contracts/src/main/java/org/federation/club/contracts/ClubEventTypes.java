package org.federation.club.contracts;

/**
 * The {@code ce_type} values club-service publishes on {@link ClubTopics#CLUB_EVENTS}. Events about a
 * club are keyed by the club id and carry its snapshot in {@code club}; events about a founding
 * application are keyed by the application id and carry it in {@code application} (no {@code club}).
 */
public final class ClubEventTypes {

    /**
     * A club enters the platform, imported (an existing club, with its original founding date) or
     * founded through a hearing. Payload: {@link ClubEstablished}.
     */
    public static final String ESTABLISHED = "org.federation.club.established.v1";

    /**
     * The Organization Department opened the annual registration for an academic year (key = the
     * year). Payload: {@link RegistrationOpened}.
     */
    public static final String REGISTRATION_OPENED = "org.federation.club.registration-opened.v1";

    /** A club confirmed its annual registration (on time, or late and accepted). Payload: {@link ClubRegistrationConfirmed}. */
    public static final String REGISTRATION_CONFIRMED = "org.federation.club.registration-confirmed.v1";

    /**
     * A club submitted its registration after the deadline; it awaits the Organization Department's
     * acceptance (then {@link #REGISTRATION_CONFIRMED}, late). Payload: {@link LateRegistrationSubmitted}.
     */
    public static final String LATE_REGISTRATION_SUBMITTED = "org.federation.club.late-registration-submitted.v1";

    /** A club missed the registration deadline and is now unregistered. Payload: {@link ClubStateChanged}. */
    public static final String REGISTRATION_MISSED = "org.federation.club.registration-missed.v1";

    /** A club recorded its leader election meeting; it awaits confirmation. Payload: {@link ClubElectionRecorded}. */
    public static final String ELECTION_RECORDED = "org.federation.club.election-recorded.v1";

    /** The Organization Department confirmed an election: a new leadership term began. Payload: {@link ClubLeadershipChanged}. */
    public static final String LEADERSHIP_CHANGED = "org.federation.club.leadership-changed.v1";

    /** A leadership term ended without a confirmed handover. Payload: {@link ClubHandoverOverdue}. */
    public static final String HANDOVER_OVERDUE = "org.federation.club.handover-overdue.v1";

    /** The presidium suspended a club. Payload: {@link ClubStateChanged}. */
    public static final String SUSPENDED = "org.federation.club.suspended.v1";

    /** The presidium lifted a suspension. Payload: {@link ClubStateChanged}. */
    public static final String REINSTATED = "org.federation.club.reinstated.v1";

    /**
     * A club is dissolving: finance-service settles and closes its account, then publishes
     * {@code org.federation.finance.account-settled.v1}. Payload: {@link ClubStateChanged}.
     */
    public static final String DISSOLUTION_REQUESTED = "org.federation.club.dissolution-requested.v1";

    /** The club's account is settled; the club is dissolved for good. Payload: {@link ClubStateChanged}. */
    public static final String DISSOLVED = "org.federation.club.dissolved.v1";

    /**
     * Clubs merged. Published for the successor and for each merged-away club (each under its own
     * key, carrying its own snapshot). Payload: {@link ClubMerged}.
     */
    public static final String MERGED = "org.federation.club.merged.v1";

    /** Initiators submitted (or resubmitted) a founding application. Payload: {@link FoundingApplicationChanged}. */
    public static final String FOUNDING_SUBMITTED = "org.federation.club.founding-submitted.v1";

    /** The qualification review passed every mandatory criterion. Payload: {@link FoundingApplicationChanged}. */
    public static final String FOUNDING_QUALIFIED = "org.federation.club.founding-qualified.v1";

    /** The qualification review failed: the application went back to its initiators with reasons. Payload: {@link FoundingApplicationChanged}. */
    public static final String FOUNDING_RETURNED = "org.federation.club.founding-returned.v1";

    /** The initiators withdrew their application. Payload: {@link FoundingApplicationChanged}. */
    public static final String FOUNDING_WITHDRAWN = "org.federation.club.founding-withdrawn.v1";

    /** A founding defense hearing was scheduled (time, place, panel). Payload: {@link FoundingApplicationChanged}. */
    public static final String HEARING_SCHEDULED = "org.federation.club.hearing-scheduled.v1";

    /**
     * A panel member cast their ballot at a founding hearing (key = application id); the panel's
     * last ballot is followed by the decision. Payload: {@link HearingBallotCast}.
     */
    public static final String HEARING_BALLOT_CAST = "org.federation.club.hearing-ballot-cast.v1";

    /** The hearing ended without a quorum of ballots; it may be scheduled again. Payload: {@link FoundingApplicationChanged}. */
    public static final String HEARING_INCONCLUSIVE = "org.federation.club.hearing-inconclusive.v1";

    /** The panel rejected the application; reasons and when a new one may be made. Payload: {@link FoundingApplicationChanged}. */
    public static final String FOUNDING_REJECTED = "org.federation.club.founding-rejected.v1";

    /**
     * The panel approved the application: the announcement of a new club, for the notification
     * service to publish. The club itself arrives as {@link #ESTABLISHED} (origin {@code founded}).
     * Payload: {@link FoundingAnnouncement}.
     */
    public static final String FOUNDING_ANNOUNCED = "org.federation.club.founding-announced.v1";

    /** A student joined a club (an approved application). Payload: {@link ClubMembershipChanged}. */
    public static final String MEMBER_JOINED = "org.federation.club.member-joined.v1";

    /** A member left or was removed. Payload: {@link ClubMembershipChanged}. */
    public static final String MEMBER_LEFT = "org.federation.club.member-left.v1";

    /** A member's credentials for a club are void from now on. Payload: {@link CredentialRevoked}. */
    public static final String CREDENTIAL_REVOKED = "org.federation.club.credential-revoked.v1";

    /**
     * A member credential was issued (key = credential id); the credential itself is not published.
     * Payload: {@link CredentialIssued}.
     */
    public static final String CREDENTIAL_ISSUED = "org.federation.club.credential-issued.v1";

    /** The key member credentials are signed with (key = key id). Payload: {@link CredentialKeyPublished}. */
    public static final String CREDENTIAL_KEY_PUBLISHED = "org.federation.club.credential-key-published.v1";

    /** A student applied to join a club (key = application id). Payload: {@link MembershipApplicationChanged}. */
    public static final String MEMBERSHIP_REQUESTED = "org.federation.club.membership-requested.v1";

    /** The club's leaders decided, or the student withdrew (key = application id). Payload: {@link MembershipApplicationChanged}. */
    public static final String MEMBERSHIP_DECIDED = "org.federation.club.membership-decided.v1";

    /** A liaison officer was assigned to a club (or the assignment ended). Payload: {@link ClubStateChanged}. */
    public static final String LIAISON_ASSIGNED = "org.federation.club.liaison-assigned.v1";

    /**
     * A federation department's roster changed (key = department name): heads, members, liaison
     * officers and their clubs. Payload: {@link RosterChanged}.
     */
    public static final String ROSTER_CHANGED = "org.federation.federation.roster-changed.v1";

    /** A department asked clubs for information the profile lacked (key = request id). Payload: {@link InformationRequested}. */
    public static final String INFORMATION_REQUESTED = "org.federation.club.information-requested.v1";

    /** Facts of a club's shared profile were set (key = {@code profile-<clubId>}). Payload: {@link ClubProfileUpdated}. */
    public static final String PROFILE_UPDATED = "org.federation.club.profile-updated.v1";

    /**
     * A club corrected a fact its snapshot carries (contact, category, faculty advisor) outside the
     * annual registration, e.g. answering a department's request. Payload: {@link ClubStateChanged}.
     */
    public static final String PROFILE_AMENDED = "org.federation.club.profile-amended.v1";

    /** A club's youth-league branch was established or changed (key = {@code branch-<clubId>}). Payload: {@link LeagueBranchChanged}. */
    public static final String LEAGUE_BRANCH_CHANGED = "org.federation.club.league-branch-changed.v1";

    /** A club or the Organization Department posted an open leader position (key = position id). Payload: {@link LeaderPositionChanged}. */
    public static final String LEADER_POSITION_POSTED = "org.federation.club.leader-position-posted.v1";

    /** An open leader position was filled or cancelled (key = position id). Payload: {@link LeaderPositionChanged}. */
    public static final String LEADER_POSITION_CLOSED = "org.federation.club.leader-position-closed.v1";

    /** A club's evaluation for an academic year was published (key = {@code <clubId>:<year>}). Payload: {@link EvaluationPublished}. */
    public static final String EVALUATION_PUBLISHED = "org.federation.club.evaluation-published.v1";

    private ClubEventTypes() {
    }
}
