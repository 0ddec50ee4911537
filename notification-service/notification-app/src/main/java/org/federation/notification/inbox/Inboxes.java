package org.federation.notification.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.federation.notification.contracts.NotificationEventTypes;
import org.federation.notification.contracts.NotificationTopics;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.messaging.NewEvent;
import org.federation.platform.messaging.OutboxCollection;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.paging.PageOf;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Every recipient's inbox, one document per notice, each announcing itself on {@code notification.events}. */
@Repository
public class Inboxes {

    static final String COLLECTION = "notices";

    @Configuration(proxyBeanMethods = false)
    static class Outbox {
        @Bean
        OutboxCollection noticeOutbox() {
            return new OutboxCollection(COLLECTION, NotificationTopics.NOTIFICATION_EVENTS);
        }
    }

    private final MongoTemplate mongo;
    private final AggregateStore store;

    Inboxes(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** Posts the notice; false if it was already posted (the same event delivered again). */
    public boolean post(Notice notice, String actor) {
        try {
            store.insert(COLLECTION, notice.id(), notice,
                    List.of(new NewEvent(NotificationEventTypes.NOTICE_POSTED, actor, notice.posted())));
            return true;
        } catch (DuplicateKeyException alreadyPosted) {
            return false;
        }
    }

    public PageOf<Notice> newestFirst(String recipient, int page, int size) {
        return NewestFirst.page(mongo, COLLECTION, Notice.class, where("recipient").is(recipient), "postedAt", page, size);
    }

    public long unread(String recipient) {
        return mongo.count(new Query(where("recipient").is(recipient).and("readAt").is(null)), COLLECTION);
    }
}
