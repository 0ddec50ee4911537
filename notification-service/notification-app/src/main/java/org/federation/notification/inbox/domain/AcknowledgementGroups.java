package org.federation.notification.inbox.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * How the recipients of one direct notice answered it, group by group. A group is a club the
 * notice reached its recipients through ({@code club:<id>}; a recipient reached through two clubs
 * counts in both), or a recipient reached outside any club (the group is the recipient). A group
 * has acknowledged once any one of its recipients acknowledged: a club answers through whichever
 * leader or member acknowledges first. Escalation follows the same rule.
 *
 * @param groups             how many groups the notice reached
 * @param acknowledgedGroups how many of them acknowledged
 * @param missing            every group that has not acknowledged, by group
 * @param page               one page of the groups, by group, with their recipients' answers
 */
public record AcknowledgementGroups(int groups, int acknowledgedGroups, List<String> missing, List<Group> page) {

    private static final String CLUB = "club:";

    /** One recipient's answer: when they read it and when they acknowledged it (null if not yet). */
    public record Answer(String recipient, Instant readAt, Instant acknowledgedAt) {
    }

    /** One group and its recipients' answers, by recipient. */
    public record Group(String group, List<Answer> answers) {

        /** The club this group stands for, or null for a recipient reached outside any club. */
        public String clubId() {
            return clubIdOf(group);
        }

        public boolean acknowledged() {
            return AcknowledgementGroups.acknowledged(answers.stream().map(Answer::acknowledgedAt).toList());
        }
    }

    /** The groups a notice counts towards: each club it reached the recipient through, or else the recipient. */
    public static List<String> groupsOf(Notice notice) {
        return notice.clubIds() == null || notice.clubIds().isEmpty() ? List.of(notice.recipient())
                : notice.clubIds().stream().map(clubId -> CLUB + clubId).toList();
    }

    /** The group of a club's recipients. */
    public static String clubGroup(String clubId) {
        return CLUB + clubId;
    }

    /** The club a group stands for, or null if the group is a single recipient. */
    public static String clubIdOf(String group) {
        return group.startsWith(CLUB) ? group.substring(CLUB.length()) : null;
    }

    /** The rule: a group has acknowledged once any of its recipients has (given when each acknowledged, or null). */
    public static boolean acknowledged(Collection<Instant> acknowledgedAts) {
        return acknowledgedAts.stream().anyMatch(at -> at != null);
    }
}
