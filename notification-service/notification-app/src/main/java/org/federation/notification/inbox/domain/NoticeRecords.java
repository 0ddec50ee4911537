package org.federation.notification.inbox.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;

/**
 * Where every recipient's notices are kept, one per notice, each change with its event in one write
 * (a port; {@code notices} in MongoDB). It stores and queries; what a change means is {@link Notice}'s.
 */
public interface NoticeRecords {

    /** Stores a new notice with its decision's events; false if a notice with its id exists (posted already). */
    boolean create(Notice notice, Decision<Notice> posted);

    /** Stores new notices, each with its decision's events, in one unordered write; returns the ids that were new. */
    Set<String> createAll(List<Decision<Notice>> posted);

    Optional<Notice> find(String id);

    /** Lets {@code decide} work on the current notice and stores its decision; 404 if there is none. */
    Notice change(String id, Function<Notice, Decision<Notice>> decide);

    /** A recipient's notices, newest first, of one kind (or any) and unread only (or all). */
    PageOf<Notice> newestFirst(String recipient, String kind, boolean unreadOnly, int page, int size);

    long unread(String recipient);

    /** A direct notice's copies, group by group, counted and paged in the store ({@link AcknowledgementGroups}). */
    AcknowledgementGroups acknowledgementGroups(String directNoticeId, int page, int size);

    long countOfDirectNotice(String directNoticeId);

    /** When each recipient in this group of a direct notice acknowledged it (null for those who have not). */
    List<Instant> acknowledgementsInGroup(String directNoticeId, String group);
}
