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
import org.springframework.data.mongodb.core.query.Update;
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

    /** Where each chain's first statement is named ({@link #startChain}): one document per account and kind. */
    static final String CHAINS = "statement-chains";

    /** How long a named first statement holds its chain while it is not published (a publication takes milliseconds). */
    static final java.time.Duration CHAIN_HOLD = java.time.Duration.ofMinutes(1);

    @Override
    public String startChain(String accountId, String kind, String statementId, java.time.Instant now) {
        String chain = accountId + "/" + kind;
        java.util.Date startedAt = java.util.Date.from(now);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                mongo.insert(new org.bson.Document("_id", chain).append("first", statementId).append("at", startedAt),
                        CHAINS);
                return statementId;
            } catch (DuplicateKeyException started) {
                org.bson.Document existing = mongo.findById(chain, org.bson.Document.class, CHAINS);
                if (existing == null) {
                    continue;
                }
                String first = existing.getString("first");
                java.util.Date at = existing.getDate("at");
                boolean abandoned = !first.equals(statementId) && find(first).isEmpty() && at != null
                        && at.toInstant().isBefore(now.minus(CHAIN_HOLD));
                if (!abandoned) {
                    return first;
                }
                // its publication failed a while ago: the chain is free again (compare-and-set on what was read)
                if (mongo.updateFirst(query(where("_id").is(chain).and("first").is(first).and("at").is(at)),
                        new Update().set("first", statementId).set("at", startedAt), CHAINS).getMatchedCount() == 1) {
                    return statementId;
                }
            }
        }
        org.bson.Document existing = mongo.findById(chain, org.bson.Document.class, CHAINS);
        return existing == null ? statementId : existing.getString("first");
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
