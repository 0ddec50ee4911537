package org.federation.finance.statements.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.federation.finance.contracts.FinanceTopics;
import org.federation.finance.statements.domain.Statement;
import org.federation.finance.statements.domain.Statements;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Statements in {@code statements}, inserted once with their {@code statement-published} event in
 * the same write (in-document outbox) and never updated by finance-service after.
 */
@Repository
class MongoStatements implements Statements {

    static final String COLLECTION = "statements";

    private final MongoTemplate mongo;
    private final AggregateRepository<Statement, Statement> statements;

    MongoStatements(MongoTemplate mongo, AggregateStore store, MongoIndexes indexes) {
        this.mongo = mongo;
        this.statements = store.repository(COLLECTION, FinanceTopics.FINANCE_EVENTS, Statement.class);
        // an account's statements by period kind
        indexes.ensure(COLLECTION, "accountId", "periodKind");
    }

    @Override
    public boolean publish(Decision<Statement> publication) {
        try {
            statements.create(publication.state().id(), publication);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public Optional<Statement> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Statement.class, COLLECTION));
    }

    @Override
    public Optional<Statement> latest(String accountId, String kind) {
        return Optional.ofNullable(mongo.findOne(ofKind(accountId, kind).with(Sort.by(Sort.Direction.DESC, "from")).limit(1),
                Statement.class, COLLECTION));
    }

    @Override
    public List<Statement> chain(String accountId, String kind) {
        return mongo.find(ofKind(accountId, kind).with(Sort.by(Sort.Direction.ASC, "from")), Statement.class, COLLECTION);
    }

    @Override
    public PageOf<Statement> page(String accountId, String kind, int page, int size) {
        Query matching = kind == null ? query(where("accountId").is(accountId)) : ofKind(accountId, kind);
        Query paged = Query.of(matching).with(Sort.by(Sort.Order.desc("from"), Sort.Order.asc("periodKind")))
                .skip((long) page * size).limit(size);
        paged.fields().exclude("entries");
        return new PageOf<>(mongo.find(paged, Statement.class, COLLECTION), page, size, mongo.count(matching, COLLECTION));
    }

    private static Query ofKind(String accountId, String kind) {
        return query(where("accountId").is(accountId).and("periodKind").is(kind));
    }
}
