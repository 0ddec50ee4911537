package org.federation.finance.ledger.domain;

/**
 * What a feature does when one of its transactions is reversed (e.g. a reversed fee payment lets
 * the member pay again). Called after the reversal is booked, and again whenever the reversal is
 * asked for again, so it must be idempotent.
 */
public interface ReversalFollowUp {

    void reversed(Transaction original);
}
