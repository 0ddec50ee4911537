package org.federation.notification.escalation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.federation.platform.domain.Decision;

/**
 * Where escalations are kept, each change with its {@code notice-escalated} event in one write, and
 * the lease an instance takes on one before working on it (so two instances never take a step twice).
 */
public interface EscalationRecords {

    /** Opens the escalation unless it exists (a resumed fan-out opens it again). */
    void open(Decision<Escalation> opened);

    /** Opens every one of them that does not exist yet, in one write (a fan-out's groups). */
    void openAll(List<Decision<Escalation>> opened);

    Optional<Escalation> find(String id);

    /**
     * Decides on the escalation's current state and stores the decision (deciding again if another
     * writer got there first); empty if there is no such escalation.
     */
    Optional<Decision<Escalation>> change(String id, Function<? super Escalation, Decision<Escalation>> decide);

    List<Escalation> ofDirectNotice(String directNoticeId);

    /** Ids of escalations with a step due by {@code now} (business time). */
    List<String> dueIds(Instant now, int limit);

    /** Claims a due escalation for {@code lease} (real time); false if it is not due or another instance holds it. */
    boolean claim(String id, Instant now, Instant realNow, Duration lease);

    /** Releases this instance's claim. */
    void release(String id);
}
