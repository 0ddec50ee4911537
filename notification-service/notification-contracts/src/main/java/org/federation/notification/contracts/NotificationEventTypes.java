package org.federation.notification.contracts;

/** The {@code ce_type} values notification-service publishes on {@link NotificationTopics#NOTIFICATION_EVENTS}. */
public final class NotificationEventTypes {

    /** A notice was put in a recipient's inbox. Payload: {@link NoticePosted}. Key: notice id. */
    public static final String NOTICE_POSTED = "org.federation.notification.notice-posted.v1";

    /** A recipient acknowledged a notice. Payload: {@link NoticeAcknowledged}. Key: notice id. */
    public static final String NOTICE_ACKNOWLEDGED = "org.federation.notification.notice-acknowledged.v1";

    /** A department's direct notice reached its whole audience. Payload: {@link DirectNoticeSent}. Key: direct notice id. */
    public static final String DIRECT_NOTICE_SENT = "org.federation.notification.direct-notice-sent.v1";

    /** An unacknowledged direct notice escalated one step. Payload: {@link NoticeEscalated}. Key: escalation id. */
    public static final String NOTICE_ESCALATED = "org.federation.notification.notice-escalated.v1";

    /** A suggestion or complaint arrived and was routed to a department. Payload: {@link FeedbackReceived}. Key: feedback id. */
    public static final String FEEDBACK_RECEIVED = "org.federation.notification.feedback-received.v1";

    /** A department answered a suggestion or complaint. Payload: {@link FeedbackAnswered}. Key: feedback id. */
    public static final String FEEDBACK_ANSWERED = "org.federation.notification.feedback-answered.v1";

    private NotificationEventTypes() {
    }
}
