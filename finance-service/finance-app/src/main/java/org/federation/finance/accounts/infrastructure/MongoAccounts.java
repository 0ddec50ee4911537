package org.federation.finance.accounts.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.contracts.AccountOpened;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.finance.contracts.FinanceTopics;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.messaging.NewEvent;
import org.federation.platform.messaging.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Accounts in the {@code accounts} collection, each with its outbox for {@code finance.events}. */
@Repository
class MongoAccounts implements Accounts {

    static final String COLLECTION = "accounts";

    @Configuration(proxyBeanMethods = false)
    static class Outbox {
        @Bean
        OutboxCollection accountOutbox() {
            return new OutboxCollection(COLLECTION, FinanceTopics.FINANCE_EVENTS);
        }
    }

    private final MongoTemplate mongo;
    private final AggregateStore store;

    MongoAccounts(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public boolean open(Account.Opening opening, String actor) {
        try {
            store.insert(COLLECTION, opening.account().id(), opening.account(), opening.events().stream()
                    .map(event -> new NewEvent(typeOf(event), actor, event)).toList());
            return true;
        } catch (DuplicateKeyException alreadyOpen) {
            return false;
        }
    }

    @Override
    public Account.Opening change(String id, java.util.function.UnaryOperator<Account.Opening> change, String actor) {
        Account.Opening[] decided = new Account.Opening[1];
        store.change(COLLECTION, id, Account.class, current -> {
            decided[0] = change.apply(new Account.Opening(current, List.of()));
            return new AggregateStore.Decision<>(decided[0].account(), decided[0].events().stream()
                    .map(event -> new NewEvent(typeOf(event), actor, event)).toList());
        }).orElseThrow(() -> new org.federation.platform.problem.ResourceNotFoundException("account", id));
        return decided[0];
    }

    @Override
    public List<Account> ofFederation() {
        return mongo.find(new Query(where("owner").is(Account.FEDERATION)).with(org.springframework.data.domain.Sort.by("_id")),
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
        return store.find(COLLECTION, id, Account.class).map(v -> v.state());
    }

    private static String typeOf(Object event) {
        if (event instanceof AccountOpened) {
            return FinanceEventTypes.ACCOUNT_OPENED;
        }
        if (event instanceof org.federation.finance.contracts.AccountSettled) {
            return FinanceEventTypes.ACCOUNT_SETTLED;
        }
        if (event instanceof org.federation.finance.contracts.AccountMerged) {
            return FinanceEventTypes.ACCOUNT_MERGED;
        }
        throw new IllegalArgumentException("no event type for " + event.getClass().getName());
    }
}
