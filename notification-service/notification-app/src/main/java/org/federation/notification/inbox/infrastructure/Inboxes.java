package org.federation.notification.inbox.infrastructure;

import org.federation.notification.inbox.NoticeListener;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.federation.notification.contracts.NotificationTopics;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.problem.ResourceNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Every recipient's inbox, one document per notice, each announcing itself on {@code notification.events}. */
@Repository
public class Inboxes {

    public static final String COLLECTION = "notices";

    private final MongoTemplate mongo;
    private final AggregateRepository<Notice, Notice> notices;
    private final ObjectProvider<NoticeListener> listeners;

    Inboxes(MongoTemplate mongo, MongoIndexes indexes, AggregateStore store, ObjectProvider<NoticeListener> listeners) {
        this.mongo = mongo;
        this.notices = store.repository(COLLECTION, NotificationTopics.NOTIFICATION_EVENTS, Notice.class);
        this.listeners = listeners;
        // a recipient's inbox (by kind, unread); a direct notice's copies (acknowledged, per recipient)
        indexes.ensure(COLLECTION, "recipient", "kind", "readAt");
        indexes.ensure(COLLECTION, "directNoticeId", "recipient");
    }

    /** Posts the notice; false if it was already posted (the same cause delivered again). */
    public boolean post(Notice notice, String actor) {
        listeners.orderedStream().forEach(l -> l.beforePosting(notice));
        try {
            notices.create(notice.id(), notice.post(actor));
        } catch (DuplicateKeyException alreadyPosted) {
            return false;
        }
        listeners.orderedStream().forEach(l -> l.posted(notice));
        return true;
    }

    /**
     * Posts a batch (a fan-out) in one unordered insert: deliveries planned for the whole batch at
     * once, then every notice with its {@code notice-posted} event. Notices already in their inbox
     * (the same cause again) are left alone, so a repeated batch posts only what is missing; the
     * listeners hear only of the new ones. Returns how many were new.
     */
    public int postAll(List<Notice> batch, String actor) {
        if (batch.isEmpty()) {
            return 0;
        }
        listeners.orderedStream().forEach(l -> l.beforePostingAll(batch));
        Set<String> created = notices.createAll(batch.stream().map(notice -> notice.post(actor)).toList(), Notice::id);
        batch.stream().filter(n -> created.contains(n.id()))
                .forEach(notice -> listeners.orderedStream().forEach(l -> l.posted(notice)));
        return created.size();
    }

    public Optional<Notice> find(String id) {
        return notices.find(id);
    }

    public Notice get(String id) {
        return find(id).orElseThrow(() -> new ResourceNotFoundException("notice", id));
    }

    public PageOf<Notice> newestFirst(String recipient, int page, int size) {
        return newestFirst(recipient, null, false, page, size);
    }

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

    public long unread(String recipient) {
        return mongo.count(new Query(where("recipient").is(recipient).and("readAt").is(null)), COLLECTION);
    }

    /** Every notice a direct notice put in an inbox. */
    public List<Notice> ofDirectNotice(String directNoticeId) {
        return mongo.find(new Query(where("directNoticeId").is(directNoticeId)), Notice.class, COLLECTION);
    }

    public long countOfDirectNotice(String directNoticeId) {
        return mongo.count(new Query(where("directNoticeId").is(directNoticeId)), COLLECTION);
    }

    /** Marks the notice read (a repeat changes nothing). */
    public Notice markRead(String id, Instant at) {
        return notices.change(id, "notice", notice -> notice.read(at)).state();
    }

    /**
     * Acknowledges the notice (a repeat changes nothing and keeps the first time); 409 if it needs no
     * acknowledgement.
     */
    public Notice acknowledge(String id, String by, Instant at) {
        Notice acknowledged = notices.change(id, "notice", notice -> notice.acknowledge(by, at)).state();
        listeners.orderedStream().forEach(l -> l.acknowledged(acknowledged));
        return acknowledged;
    }

    /** Whether any recipient in this group of a direct notice ({@code club:<id>} or {@code person:<n>}) acknowledged it. */
    public boolean anyAcknowledged(String directNoticeId, String group) {
        Criteria filter = where("directNoticeId").is(directNoticeId).and("acknowledgedAt").ne(null);
        filter = group.startsWith("club:") ? filter.and("clubIds").is(group.substring("club:".length()))
                : filter.and("recipient").is(group);
        return mongo.exists(new Query(filter), COLLECTION);
    }
}
