package org.federation.notification.contracts;

/** The {@code ce_type} values notification-service publishes. */
public final class NotificationEventTypes {

    /** A notice was put in a recipient's inbox. Payload: {@link NoticePosted}. */
    public static final String NOTICE_POSTED = "org.federation.notification.notice-posted.v1";

    private NotificationEventTypes() {
    }
}
