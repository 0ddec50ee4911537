package org.federation.notification.inbox.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.federation.notification.directory.domain.RecipientAccess;
import org.federation.notification.inbox.domain.AcknowledgementGroups;
import org.federation.notification.inbox.domain.Notice;
import org.federation.notification.inbox.domain.NoticeRecords;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Every recipient's inbox: posts notices (telling the {@link NoticeListener}s before and after, so
 * deliveries are planned before the notice is stored and live streams hear of it after), lists them,
 * and marks them read or acknowledged for their owner.
 */
@Service
public class Inboxes {

    /** Where the notices are kept (named here for the tests and tools that look into the store). */
    public static final String COLLECTION = "notices";

    private final NoticeRecords notices;
    private final ObjectProvider<NoticeListener> listeners;

    Inboxes(NoticeRecords notices, ObjectProvider<NoticeListener> listeners) {
        this.notices = notices;
        this.listeners = listeners;
    }

    /** Posts the notice; false if it was already posted (the same cause delivered again). */
    public boolean post(Notice notice, String actor) {
        listeners.orderedStream().forEach(l -> l.beforePosting(notice));
        if (!notices.create(notice, notice.post(actor))) {
            return false;
        }
        listeners.orderedStream().forEach(l -> l.posted(notice));
        return true;
    }

    /**
     * Posts a batch (a fan-out) in one unordered insert: deliveries planned for the whole batch at
     * once, then every notice with its {@code notice-posted} event. Notices already in their inbox
     * (the same cause again) are left alone, so a repeated batch posts only what is missing; the
     * listeners hear only of the new ones. Returns how many were new.
     */
    public int postAll(List<Notice> batch, String actor) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<NoticeListener> told = listeners.orderedStream().toList(); // looked up once per batch, not per notice
        told.forEach(l -> l.beforePostingAll(batch));
        Set<String> created = notices.createAll(batch.stream().map(notice -> notice.post(actor)).toList());
        batch.stream().filter(n -> created.contains(n.id())).forEach(notice -> told.forEach(l -> l.posted(notice)));
        return created.size();
    }

    public Optional<Notice> find(String id) {
        return notices.find(id);
    }

    public Notice get(String id) {
        return find(id).orElseThrow(() -> new ResourceNotFoundException("notice", id));
    }

    public PageOf<Notice> newestFirst(String recipient, int page, int size) {
        return newestFirst(recipient, null, false, page, size);
    }

    public PageOf<Notice> newestFirst(String recipient, String kind, boolean unreadOnly, int page, int size) {
        return notices.newestFirst(recipient, kind, unreadOnly, page, size);
    }

    public long unread(String recipient) {
        return notices.unread(recipient);
    }

    /** The answers to a direct notice, group by group ({@link AcknowledgementGroups}), counted and paged in the store. */
    public AcknowledgementGroups acknowledgementGroups(String directNoticeId, int page, int size) {
        return notices.acknowledgementGroups(directNoticeId, page, size);
    }

    public long countOfDirectNotice(String directNoticeId) {
        return notices.countOfDirectNotice(directNoticeId);
    }

    /** Marks the notice read (a repeat changes nothing). */
    public Notice markRead(String id, Instant at) {
        return notices.change(id, notice -> notice.read(at));
    }

    /** Marks the notice read for its owner ({@link #requireOwner}). */
    public Notice markRead(String id, Caller caller, Instant at) {
        requireOwner(caller, id);
        return markRead(id, at);
    }

    /**
     * Acknowledges the notice (a repeat changes nothing and keeps the first time); 409 if it needs no
     * acknowledgement.
     */
    public Notice acknowledge(String id, String by, Instant at) {
        Notice acknowledged = notices.change(id, notice -> notice.acknowledge(by, at));
        listeners.orderedStream().forEach(l -> l.acknowledged(acknowledged));
        return acknowledged;
    }

    /** Acknowledges the notice for its owner ({@link #requireOwner}). */
    public Notice acknowledge(String id, Caller caller, Instant at) {
        requireOwner(caller, id);
        return acknowledge(id, caller.subject(), at);
    }

    /**
     * The rule: marking a notice read and acknowledging it is for the inbox's owner only (the person,
     * or the department's members and head); nobody acknowledges for someone else.
     */
    private void requireOwner(Caller caller, String noticeId) {
        Notice notice = get(noticeId);
        if (!RecipientAccess.owns(caller, notice.recipient())) {
            throw new ForbiddenException("notice " + noticeId + " is in the inbox of " + notice.recipient()
                    + "; only its owner (the person, or the department's members and head) marks it read or acknowledges it");
        }
    }

    /**
     * When each recipient in this group of a direct notice ({@code club:<id>} or {@code person:<n>})
     * acknowledged it (null for those who have not): what {@link AcknowledgementGroups#acknowledged} decides on.
     */
    public List<Instant> acknowledgementsInGroup(String directNoticeId, String group) {
        return notices.acknowledgementsInGroup(directNoticeId, group);
    }
}
