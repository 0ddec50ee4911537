package org.federation.platform.persistence;

import org.federation.platform.paging.PageOf;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The platform's list convention: a page of a collection, newest first by a time field. */
public final class NewestFirst {

    private NewestFirst() {
    }

    /**
     * One page of the documents matching {@code filter}, newest first by {@code timeField}, with
     * the total count of matching documents.
     */
    public static <T> PageOf<T> page(MongoTemplate mongo, String collection, Class<T> type, Criteria filter,
                                     String timeField, int page, int size) {
        Query query = new Query(filter).with(Sort.by(Sort.Direction.DESC, timeField)).skip((long) page * size).limit(size);
        return new PageOf<>(mongo.find(query, type, collection), page, size, mongo.count(new Query(filter), collection));
    }

    /** {@link #page} over the whole collection. */
    public static <T> PageOf<T> page(MongoTemplate mongo, String collection, Class<T> type, String timeField,
                                     int page, int size) {
        return page(mongo, collection, type, new Criteria(), timeField, page, size);
    }
}
