package org.federation.faults;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the workload asked for and what it was told: every command with its outcome. The
 * invariants compare this with what the services hold.
 */
final class Ledger {

    /** How a command ended for the client. */
    enum Outcome {
        /** answered 2xx (perhaps after retries): must have taken effect exactly once */
        ACCEPTED,
        /** answered 4xx with no uncertain attempt before: must not have taken effect */
        REFUSED,
        /** never answered 2xx but some attempt was cut or answered 5xx: took effect once or not at all */
        UNCERTAIN
    }

    record Club(String id, String name, String leader) {
    }

    record Member(String clubId, String studentNumber) {
    }

    /** A ledger posting attempt: its description carries the Idempotency-Key, so each is found on the account. */
    record Posting(String key, String clubId, long amountFen, Outcome outcome, String transactionId) {
    }

    /** A direct notice sent to a club; {@code attempts}: how often its leader found it not yet in the inbox. */
    record Notice(String id, String clubId, int attempts) {
    }

    record Acknowledgement(String directNoticeId, String person) {
    }

    final List<Club> clubs = new CopyOnWriteArrayList<>();
    final List<String> uncertainClubNames = new CopyOnWriteArrayList<>();
    final List<Member> members = new CopyOnWriteArrayList<>();
    final List<Posting> postings = new CopyOnWriteArrayList<>();
    final List<Notice> notices = new CopyOnWriteArrayList<>();
    final Queue<Notice> toAcknowledge = new ConcurrentLinkedQueue<>();
    final List<Acknowledgement> acknowledgements = new CopyOnWriteArrayList<>();

    /** Per command kind: sent, accepted, refused, uncertain; and requests retried. */
    final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    long count(String what, boolean unused) {
        AtomicLong n = counts.get(what);
        return n == null ? 0 : n.get();
    }
}
