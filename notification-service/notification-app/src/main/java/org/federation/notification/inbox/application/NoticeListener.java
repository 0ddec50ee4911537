package org.federation.notification.inbox.application;

import org.federation.notification.inbox.domain.Notice;

/**
 * Told about notices as they are posted: delivery channels plan their deliveries before the notice
 * is stored (so a crash in between leaves the redelivered cause to store it, never a notice without
 * its deliveries), live streams push it after.
 */
public interface NoticeListener {

    /** Before the notice is stored; must be idempotent (the same notice may come again). */
    default void beforePosting(Notice notice) {
    }

    /** Before a batch of notices is stored (a fan-out); by default each on its own. */
    default void beforePostingAll(java.util.List<Notice> notices) {
        notices.forEach(this::beforePosting);
    }

    /** After the notice was stored for the first time. */
    default void posted(Notice notice) {
    }

    /** After the notice was acknowledged (also told again for a repeated acknowledgement). */
    default void acknowledged(Notice notice) {
    }
}
