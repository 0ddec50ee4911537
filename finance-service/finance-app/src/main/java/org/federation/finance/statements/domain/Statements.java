package org.federation.finance.statements.domain;

import java.util.List;
import java.util.Optional;

import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;

/** Published statements; once stored never changed. */
public interface Statements {

    /** Stores a newly published statement and queues its events in the same write; false if it exists. */
    boolean publish(Decision<Statement> publication);

    /**
     * Names {@code statementId} the first statement of the account's chain of this kind, once: returns
     * the statement already named if another publication (of another period, at the same moment) got
     * there first, else {@code statementId}. So two first statements cannot both start a chain. A
     * statement named over a minute before {@code now} and never published (its publication failed)
     * no longer holds the chain.
     */
    String startChain(String accountId, String kind, String statementId, java.time.Instant now);

    Optional<Statement> find(String id);

    /** The newest statement of this kind for the account. */
    Optional<Statement> latest(String accountId, String kind);

    /** The account's chain of this kind, oldest first. */
    List<Statement> chain(String accountId, String kind);

    PageOf<Statement> page(String accountId, String kind, int page, int size);
}
