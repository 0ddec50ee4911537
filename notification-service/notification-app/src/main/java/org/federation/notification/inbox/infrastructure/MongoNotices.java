package org.federation.notification.inbox.infrastructure;


import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.federation.notification.contracts.NotificationTopics;
import org.bson.Document;
import org.federation.notification.inbox.domain.AcknowledgementGroups;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.domain.Decision;
import org.federation.notification.inbox.domain.NoticeRecords;
import org.federation.notification.inbox.application.Inboxes;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** {@link NoticeRecords} in {@code notices}, each notice announcing itself on {@code notification.events}. */
@Repository
class MongoNotices implements NoticeRecords {

    static final String COLLECTION = Inboxes.COLLECTION;

    private final MongoTemplate mongo;
    private final AggregateRepository<Notice, Notice> notices;

    MongoNotices(MongoTemplate mongo, MongoIndexes indexes, AggregateStore store) {
        this.mongo = mongo;
        this.notices = store.repository(COLLECTION, NotificationTopics.NOTIFICATION_EVENTS, Notice.class);
        // a recipient's inbox (by kind, unread); a direct notice's copies (acknowledged, per recipient)
        indexes.ensure(COLLECTION, "recipient", "kind", "readAt");
        indexes.ensure(COLLECTION, "directNoticeId", "recipient");
        // a direct notice's copies by club: the acknowledgement report's groups, the escalation sweep's look at one club
        indexes.ensure(COLLECTION, "directNoticeId", "clubIds");
    }

    @Override
    public boolean create(Notice notice, Decision<Notice> posted) {
        try {
            notices.create(notice.id(), posted);
            return true;
        } catch (DuplicateKeyException alreadyPosted) {
            return false;
        }
    }

    @Override
    public Set<String> createAll(List<Decision<Notice>> posted) {
        return notices.createAll(posted, Notice::id);
    }

    @Override
    public Optional<Notice> find(String id) {
        return notices.find(id);
    }

    @Override
    public PageOf<Notice> newestFirst(String recipient, String kind, boolean unreadOnly, int page, int size) {
        Criteria filter = where("recipient").is(recipient);
        if (kind != null) {
            filter = filter.and("kind").is(kind);
        }
        if (unreadOnly) {
            filter = filter.and("readAt").is(null);
        }
        return NewestFirst.page(mongo, COLLECTION, Notice.class, filter, "postedAt", page, size);
    }

    @Override
    public long unread(String recipient) {
        return mongo.count(new Query(where("recipient").is(recipient).and("readAt").is(null)), COLLECTION);
    }

    /**
     * The answers to a direct notice, group by group ({@link AcknowledgementGroups}): one aggregation
     * that groups the notice's copies by club (or by recipient outside any club) in the store, counts
     * the groups and the acknowledged ones, lists the groups still missing, and returns only
     * {@code size} groups from {@code page} on, by group, with their recipients' answers. The copies
     * themselves never leave the store, however many thousand inboxes the notice reached.
     */
    @Override
    public AcknowledgementGroups acknowledgementGroups(String directNoticeId, int page, int size) {
        List<Document> pipeline = List.of(
                new Document("$match", new Document("directNoticeId", directNoticeId)),
                new Document("$unwind", new Document("path", "$clubIds").append("preserveNullAndEmptyArrays", true)),
                // the group: club:<id> for each club it came through, else the recipient (AcknowledgementGroups.groupsOf)
                new Document("$project", new Document("group", new Document("$ifNull", List.of(
                        new Document("$concat", List.of("club:", "$clubIds")), "$recipient")))
                        .append("recipient", 1).append("readAt", 1).append("acknowledgedAt", 1)),
                new Document("$sort", new Document("group", 1).append("recipient", 1)),
                // acknowledged once any recipient of the group acknowledged (AcknowledgementGroups.acknowledged)
                new Document("$group", new Document("_id", "$group")
                        .append("acknowledged", new Document("$max", new Document("$cond", List.of(
                                new Document("$ifNull", List.of("$acknowledgedAt", false)), 1, 0))))
                        .append("answers", new Document("$push", new Document("recipient", "$recipient")
                                .append("readAt", "$readAt").append("acknowledgedAt", "$acknowledgedAt")))),
                new Document("$sort", new Document("_id", 1)),
                new Document("$facet", new Document()
                        .append("counts", List.of(new Document("$group", new Document("_id", null)
                                .append("groups", new Document("$sum", 1))
                                .append("acknowledged", new Document("$sum", "$acknowledged")))))
                        .append("missing", List.of(new Document("$match", new Document("acknowledged", 0)),
                                new Document("$project", new Document("_id", 1))))
                        .append("page", List.of(new Document("$skip", (long) page * size),
                                new Document("$limit", size)))));
        Document result = mongo.getCollection(COLLECTION).aggregate(pipeline).first();
        List<Document> counts = result == null ? List.of() : result.getList("counts", Document.class);
        Document count = counts.isEmpty() ? new Document() : counts.get(0);
        List<String> missing = result == null ? List.of() : result.getList("missing", Document.class).stream()
                .map(d -> d.getString("_id")).toList();
        List<AcknowledgementGroups.Group> groups = result == null ? List.of() : result.getList("page", Document.class)
                .stream().map(g -> new AcknowledgementGroups.Group(g.getString("_id"), g.getList("answers", Document.class)
                        .stream().map(a -> new AcknowledgementGroups.Answer(a.getString("recipient"), instant(a, "readAt"),
                                instant(a, "acknowledgedAt"))).toList())).toList();
        return new AcknowledgementGroups(number(count, "groups"), number(count, "acknowledged"), missing, groups);
    }

    private static Instant instant(Document document, String field) {
        return document.get(field) instanceof Date date ? date.toInstant() : null;
    }

    private static int number(Document document, String field) {
        return document.get(field) instanceof Number n ? n.intValue() : 0;
    }

    @Override
    public long countOfDirectNotice(String directNoticeId) {
        return mongo.count(new Query(where("directNoticeId").is(directNoticeId)), COLLECTION);
    }

    @Override
    public Notice change(String id, Function<Notice, Decision<Notice>> decide) {
        return notices.change(id, "notice", decide).state();
    }

    /**
     * When each recipient in this group of a direct notice ({@code club:<id>} or {@code person:<n>})
     * acknowledged it (null for those who have not): what {@link AcknowledgementGroups#acknowledged} decides on.
     */
    @Override
    public List<Instant> acknowledgementsInGroup(String directNoticeId, String group) {
        String clubId = AcknowledgementGroups.clubIdOf(group);
        Criteria filter = where("directNoticeId").is(directNoticeId);
        filter = clubId != null ? filter.and("clubIds").is(clubId) : filter.and("recipient").is(group);
        Query query = new Query(filter);
        query.fields().include("acknowledgedAt");
        return mongo.find(query, Notice.class, COLLECTION).stream().map(Notice::acknowledgedAt).toList();
    }
}
