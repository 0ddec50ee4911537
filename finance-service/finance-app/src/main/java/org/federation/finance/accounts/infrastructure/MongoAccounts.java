package org.federation.finance.accounts.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.contracts.FinanceTopics;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Accounts in the {@code accounts} collection, each with its outbox for {@code finance.events}. */
@Repository
public class MongoAccounts implements Accounts {

    static final String COLLECTION = "accounts";

    private final MongoTemplate mongo;
    private final AggregateRepository<Account, Account> accounts;

    public MongoAccounts(MongoTemplate mongo, AggregateStore store, MongoIndexes indexes) {
        this.mongo = mongo;
        this.accounts = store.repository(COLLECTION, FinanceTopics.FINANCE_EVENTS, Account.class);
        // a club's account; accounts by state (closed ones still holding money)
        indexes.ensure(COLLECTION, "clubId");
        indexes.ensure(COLLECTION, "state");
        // the federation's accounts (the transparency page's index)
        indexes.ensure(COLLECTION, "owner");
    }

    @Override
    public boolean open(Decision<Account> opening) {
        try {
            accounts.create(opening.state().id(), opening);
            return true;
        } catch (DuplicateKeyException alreadyOpen) {
            return false;
        }
    }

    @Override
    public Decision<Account> change(String id, Function<Account, Decision<Account>> decide) {
        return accounts.change(id, "account", decide);
    }

    @Override
    public List<Account> ofFederation() {
        return mongo.find(new Query(where("owner").is(Account.FEDERATION)).with(Sort.by("_id")),
                Account.class, COLLECTION);
    }

    @Override
    public List<Account> closedWithBalance() {
        return mongo.find(new Query(where("state").ne(Account.OPEN).and("balanceFen").ne(0L)), Account.class, COLLECTION);
    }

    @Override
    public List<Account> all() {
        return mongo.findAll(Account.class, COLLECTION);
    }

    @Override
    public List<Account> ofClub(String clubId) {
        return mongo.find(new Query(where("clubId").is(clubId)), Account.class, COLLECTION);
    }

    @Override
    public Optional<Account> find(String id) {
        return accounts.find(id);
    }
}
