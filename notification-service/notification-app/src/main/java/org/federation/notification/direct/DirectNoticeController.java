package org.federation.notification.direct;

import org.federation.platform.domain.BusinessClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.federation.notification.direct.domain.DirectNotice;
import org.federation.notification.directory.ClubDirectory;
import org.federation.notification.directory.KnownClub;
import org.federation.notification.escalation.EscalationDefaults;
import org.federation.notification.escalation.Escalations;
import org.federation.notification.escalation.domain.Escalation;
import org.federation.notification.escalation.domain.EscalationTiming;
import org.federation.notification.inbox.Inboxes;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Departments' direct notices: send one (its department's members and head, or the presidium for
 * any department), list and read them, and see per club who acknowledged and who did not.
 */
@RestController
@RequestMapping("/api/direct-notices")
@Validated
class DirectNoticeController {

    static final String DEPARTMENTS = "organization|finance|evaluation|publicity|external-relations|office";
    /** An ISO-8601 duration in days, hours, minutes and seconds (e.g. {@code PT12H}, {@code P2D}); its value is checked after. */
    static final String DURATION = "P[0-9DTHMS.]{1,30}";
    static final String DURATION_MESSAGE = "must be an ISO-8601 duration such as PT12H or P2D";
    static final String CATEGORIES = "academic-technology|arts-culture|sports|volunteering|entrepreneurship|other";

    /** A notice to send: to whom, and whether it must be acknowledged by a deadline. */
    record DirectNoticeRequest(@NotNull @Pattern(regexp = DEPARTMENTS) String department,
                               @NotBlank @Size(max = 200) String title,
                               @NotBlank @Size(max = 10_000) String body,
                               @NotNull @Pattern(regexp = "all-clubs|category|clubs|liaison-officers") String audience,
                               @Pattern(regexp = CATEGORIES) String category,
                               @Size(max = 500) List<@NotBlank @Size(max = 100) String> clubIds,
                               @Pattern(regexp = "leaders|members") String reach,
                               @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})",
                                       message = "must be an ISO-8601 time such as 2026-12-01T12:00:00Z") String acknowledgeBy,
                               @Pattern(regexp = DURATION, message = DURATION_MESSAGE) String escalateToLiaisonAfter,
                               @Pattern(regexp = DURATION, message = DURATION_MESSAGE) String escalateToHeadAfter) {

        /** The sender's escalation timing (each missing part from the defaults), or null without a deadline. */
        EscalationTiming timing(EscalationDefaults defaults) {
            if (acknowledgeBy == null) {
                if (escalateToLiaisonAfter != null || escalateToHeadAfter != null) {
                    throw new RuleViolationException(escalateToLiaisonAfter != null ? "escalateToLiaisonAfter"
                            : "escalateToHeadAfter", "escalation is for a notice with a deadline (acknowledgeBy)");
                }
                return null;
            }
            try {
                return defaults.with(duration("escalateToLiaisonAfter", escalateToLiaisonAfter),
                        duration("escalateToHeadAfter", escalateToHeadAfter));
            } catch (EscalationTiming.Invalid e) {
                throw new RuleViolationException(e.field(), e.getMessage());
            }
        }

        private static Duration duration(String field, String value) {
            if (value == null) {
                return null;
            }
            try {
                return Duration.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new RuleViolationException(field, "not an ISO-8601 duration such as PT12H or P2D: " + value);
            }
        }

        /** The deadline, or null; read here rather than by Jackson, which takes an empty string for "no deadline". */
        Instant deadline() {
            if (acknowledgeBy == null) {
                return null;
            }
            try {
                return java.time.OffsetDateTime.parse(acknowledgeBy).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new RuleViolationException("acknowledgeBy", "not a valid time: " + acknowledgeBy);
            }
        }
    }

    /** One recipient of a direct notice and what they did with it. */
    record RecipientView(String recipient, Instant readAt, Instant acknowledgedAt) {
    }

    /** One club (or a recipient outside any club): who acknowledged, who did not, how far it escalated. */
    record GroupView(String group, String clubId, String clubName, boolean acknowledged, List<String> acknowledgedBy,
                     List<String> notAcknowledged, List<RecipientView> recipients, String escalation,
                     List<Escalation.Step> escalationSteps) {
    }

    /**
     * The sender's view: how many groups acknowledged, every group that has not ({@code missing}),
     * and one page of the groups (by group id) with their recipients.
     */
    record AcknowledgementView(String directNoticeId, Instant acknowledgeBy, int groups, int acknowledgedGroups,
                               List<String> missing, List<GroupView> items, int page, int size) {
    }

    private final DirectNotices directNotices;
    private final Audience audience;
    private final Inboxes inboxes;
    private final Escalations escalations;
    private final ClubDirectory clubs;
    private final EscalationDefaults escalationDefaults;
    private final BusinessClock clock;

    DirectNoticeController(DirectNotices directNotices, Audience audience, Inboxes inboxes, Escalations escalations,
                           ClubDirectory clubs, EscalationDefaults escalationDefaults, BusinessClock clock) {
        this.directNotices = directNotices;
        this.audience = audience;
        this.inboxes = inboxes;
        this.escalations = escalations;
        this.clubs = clubs;
        this.escalationDefaults = escalationDefaults;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<DirectNotice> send(@RequestBody @Valid DirectNoticeRequest request, Caller caller) {
        if (!caller.actsFor(request.department())) {
            throw new ForbiddenException("a notice from the " + request.department()
                    + " department is sent by its members and head, or by the presidium");
        }
        Instant now = clock.instant();
        String kind = request.audience();
        List<String> clubIds = request.clubIds() == null ? List.of() : request.clubIds().stream().distinct().toList();
        if ("category".equals(kind) != (request.category() != null)) {
            throw new RuleViolationException("category", "a category is given exactly when the audience is 'category'");
        }
        if ("clubs".equals(kind) != !clubIds.isEmpty()) {
            throw new RuleViolationException("clubIds", "clubs are chosen exactly when the audience is 'clubs'");
        }
        if ("liaison-officers".equals(kind) && request.reach() != null) {
            throw new RuleViolationException("reach", "the reach (leaders or members) is for clubs, not liaison officers");
        }
        Instant deadline = request.deadline();
        if (deadline != null && (!deadline.isAfter(now) || deadline.isAfter(now.plus(Duration.ofDays(366))))) {
            throw new RuleViolationException("acknowledgeBy", "the deadline must be in the future and within a year");
        }
        List<String> unknown = audience.unknownClubs(clubIds);
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("clubIds", "no current club has the id(s) " + unknown);
        }
        EscalationTiming timing = request.timing(escalationDefaults);
        DirectNotice notice = new DirectNotice(DirectNotices.newId(), request.department(), caller.subject(),
                request.title().strip(), request.body().strip(), kind, request.category(), clubIds,
                "liaison-officers".equals(kind) ? null : request.reach() == null ? "leaders" : request.reach(),
                deadline, DirectNotice.SENDING, 0, now, null, timing == null ? null : timing.toLiaison(),
                timing == null ? null : timing.toHead());
        if (audience.resolve(notice).isEmpty()) {
            throw new RuleViolationException("audience", "nobody is known to receive it yet (no "
                    + ("liaison-officers".equals(kind) ? "liaison officer" : "club with leaders or members") + ")");
        }
        DirectNotice stored = directNotices.send(notice);
        return ResponseEntity.accepted().location(URI.create("/api/direct-notices/" + stored.id())).body(stored);
    }

    @GetMapping
    PageOf<DirectNotice> list(@RequestParam(required = false) @Pattern(regexp = DEPARTMENTS) String department,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        if (department == null ? !caller.isPresidium() : !caller.actsFor(department)) {
            throw new ForbiddenException("a department's direct notices are listed for its members and head and the "
                    + "presidium; all departments' for the presidium");
        }
        return directNotices.newestFirst(department, page, size);
    }

    @GetMapping("/{id}")
    DirectNotice get(@PathVariable @Size(max = 100) String id, Caller caller) {
        return readable(id, caller);
    }

    @GetMapping("/{id}/acknowledgements")
    AcknowledgementView acknowledgements(@PathVariable @Size(max = 100) String id,
                                         @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                         @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size, Caller caller) {
        DirectNotice notice = readable(id, caller);
        Map<String, List<Notice>> byGroup = new LinkedHashMap<>();
        for (Notice n : inboxes.ofDirectNotice(id)) {
            List<String> groups = n.clubIds() == null || n.clubIds().isEmpty() ? List.of(n.recipient())
                    : n.clubIds().stream().map(c -> "club:" + c).toList();
            groups.forEach(g -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(n));
        }
        Map<String, Escalation> escalated = escalations.ofDirectNotice(id).stream()
                .collect(Collectors.toMap(Escalation::group, Function.identity()));
        Map<String, String> clubNames = clubs.findAll(byGroup.keySet().stream().filter(g -> g.startsWith("club:"))
                .map(g -> g.substring(5)).toList()).stream().collect(Collectors.toMap(KnownClub::id, KnownClub::name));
        List<GroupView> items = new ArrayList<>();
        byGroup.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String group = entry.getKey();
            List<Notice> notices = entry.getValue().stream().sorted((a, b) -> a.recipient().compareTo(b.recipient())).toList();
            List<String> acknowledged = notices.stream().filter(n -> n.acknowledgedAt() != null).map(Notice::recipient).toList();
            List<String> not = notices.stream().filter(n -> n.acknowledgedAt() == null).map(Notice::recipient).toList();
            String clubId = group.startsWith("club:") ? group.substring(5) : null;
            Escalation escalation = escalated.get(group);
            items.add(new GroupView(group, clubId, clubId == null ? null : clubNames.get(clubId), !acknowledged.isEmpty(),
                    acknowledged, not, notices.stream().map(n -> new RecipientView(n.recipient(), n.readAt(),
                    n.acknowledgedAt())).toList(), escalation == null ? null : escalation.status(),
                    escalation == null ? List.of() : escalation.steps()));
        });
        List<String> missing = items.stream().filter(g -> !g.acknowledged()).map(GroupView::group).toList();
        List<GroupView> onPage = items.stream().skip((long) page * size).limit(size).toList();
        return new AcknowledgementView(id, notice.acknowledgeBy(), items.size(), items.size() - missing.size(), missing,
                onPage, page, size);
    }

    private DirectNotice readable(String id, Caller caller) {
        DirectNotice notice = directNotices.get(id);
        if (!caller.actsFor(notice.department())) {
            throw new ForbiddenException("direct notice " + id + " is seen by the " + notice.department()
                    + " department's members and head and the presidium");
        }
        return notice;
    }
}
