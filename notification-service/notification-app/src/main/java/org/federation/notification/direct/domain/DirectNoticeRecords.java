package org.federation.notification.direct.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;

/**
 * Where direct notices are kept, each change with its event in one write, and the lease on a
 * notice's fan-out (so two instances never fan one notice out at once).
 */
public interface DirectNoticeRecords {

    /** Stores a new notice quietly: it is announced once it has reached every inbox. */
    void create(DirectNotice notice);

    Optional<DirectNotice> find(String id);

    /** A department's notices (or every department's), newest first. */
    PageOf<DirectNotice> newestFirst(String department, int page, int size);

    /** Lets {@code decide} work on the current notice and stores its decision with its events. */
    void change(String id, Function<DirectNotice, Decision<DirectNotice>> decide);

    /** Claims the fan-out of a notice still {@code sending} whose lease is free at {@code now}; false if not ours. */
    boolean claimFanOut(String id, Instant now, Instant until);

    /** Releases the fan-out's lease claimed until {@code until}; nothing if the lease is no longer that one. */
    void releaseFanOut(String id, Instant until);

    /** Every notice still {@code sending}. */
    List<DirectNotice> sending();
}
