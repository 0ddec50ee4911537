package org.federation.finance.statements.domain;

import java.util.List;
import java.util.Optional;

import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;

/** Published statements; once stored never changed. */
public interface Statements {

    /** Stores a newly published statement and queues its events in the same write; false if it exists. */
    boolean publish(Decision<Statement> publication);

    Optional<Statement> find(String id);

    /** The newest statement of this kind for the account. */
    Optional<Statement> latest(String accountId, String kind);

    /** The account's chain of this kind, oldest first. */
    List<Statement> chain(String accountId, String kind);

    PageOf<Statement> page(String accountId, String kind, int page, int size);
}
