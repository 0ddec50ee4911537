package org.federation.notification.direct.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.federation.notification.direct.domain.DirectNotice;
import org.federation.notification.directory.domain.KnownClub;
import org.federation.notification.directory.domain.KnownClubs;
import org.federation.notification.escalation.domain.Escalation;
import org.federation.notification.escalation.domain.EscalationRecords;
import org.federation.notification.inbox.domain.AcknowledgementGroups;
import org.federation.notification.inbox.application.Inboxes;
import org.federation.platform.security.Caller;
import org.springframework.stereotype.Service;

/**
 * The sender's view of a direct notice: per group (a club, or a recipient outside any club) who
 * acknowledged and who did not, and how far it escalated. The groups, their counts and the page
 * come from one query of the inboxes ({@link Inboxes#acknowledgementGroups}); only the page's
 * groups are read in full.
 */
@Service
public class AcknowledgementReports {

    /** One recipient of a direct notice and what they did with it. */
    public record RecipientView(String recipient, Instant readAt, Instant acknowledgedAt) {
    }

    /** One club (or a recipient outside any club): who acknowledged, who did not, how far it escalated. */
    public record GroupView(String group, String clubId, String clubName, boolean acknowledged, List<String> acknowledgedBy,
                            List<String> notAcknowledged, List<RecipientView> recipients, String escalation,
                            List<Escalation.Step> escalationSteps) {
    }

    /**
     * The sender's view: how many groups acknowledged, every group that has not ({@code missing}),
     * and one page of the groups (by group id) with their recipients.
     */
    public record AcknowledgementView(String directNoticeId, Instant acknowledgeBy, int groups, int acknowledgedGroups,
                                      List<String> missing, List<GroupView> items, int page, int size) {
    }

    private final DirectNotices directNotices;
    private final Inboxes inboxes;
    private final EscalationRecords escalations;
    private final KnownClubs clubs;

    AcknowledgementReports(DirectNotices directNotices, Inboxes inboxes, EscalationRecords escalations, KnownClubs clubs) {
        this.directNotices = directNotices;
        this.inboxes = inboxes;
        this.escalations = escalations;
        this.clubs = clubs;
    }

    /** One page of the groups of direct notice {@code id}, for its department's members and head and the presidium. */
    public AcknowledgementView of(String id, int page, int size, Caller caller) {
        DirectNotice notice = directNotices.readable(id, caller);
        AcknowledgementGroups groups = inboxes.acknowledgementGroups(id, page, size);
        Map<String, Escalation> escalated = escalations.ofDirectNotice(id).stream()
                .collect(Collectors.toMap(Escalation::group, Function.identity()));
        List<String> clubIds = groups.page().stream().map(AcknowledgementGroups.Group::clubId).filter(Objects::nonNull)
                .toList();
        Map<String, String> clubNames = clubIds.isEmpty() ? Map.of() : clubs.findAll(clubIds).stream()
                .collect(Collectors.toMap(KnownClub::id, KnownClub::name));
        List<GroupView> items = groups.page().stream().map(group -> {
            List<AcknowledgementGroups.Answer> answers = group.answers().stream()
                    .sorted(Comparator.comparing(AcknowledgementGroups.Answer::recipient)).toList();
            Escalation escalation = escalated.get(group.group());
            return new GroupView(group.group(), group.clubId(), group.clubId() == null ? null : clubNames.get(group.clubId()),
                    group.acknowledged(),
                    answers.stream().filter(a -> a.acknowledgedAt() != null).map(AcknowledgementGroups.Answer::recipient).toList(),
                    answers.stream().filter(a -> a.acknowledgedAt() == null).map(AcknowledgementGroups.Answer::recipient).toList(),
                    answers.stream().map(a -> new RecipientView(a.recipient(), a.readAt(), a.acknowledgedAt())).toList(),
                    escalation == null ? null : escalation.status(), escalation == null ? List.of() : escalation.steps());
        }).toList();
        return new AcknowledgementView(id, notice.acknowledgeBy(), groups.groups(), groups.acknowledgedGroups(),
                groups.missing(), items, page, size);
    }
}
