package org.federation.finance.statements.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.Optional;

import org.federation.finance.ledger.domain.ClosedPeriods;
import org.federation.finance.statements.domain.Period;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** A period is closed for an account once its statement (month or semester) is published. */
@Component
class MongoClosedPeriods implements ClosedPeriods {

    private final MongoTemplate mongo;

    MongoClosedPeriods(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<String> statementCovering(String accountId, LocalDate date) {
        return Period.containing(date).stream().map(p -> p.statementId(accountId))
                .filter(id -> mongo.exists(query(where("_id").is(id)), MongoStatements.COLLECTION)).findFirst();
    }
}
