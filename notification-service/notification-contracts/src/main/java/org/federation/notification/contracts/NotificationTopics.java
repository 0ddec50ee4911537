package org.federation.notification.contracts;

/** Where notification-service publishes. */
public final class NotificationTopics {

    /**
     * Notices posted and acknowledged (key = notice id), direct notices sent (key = direct notice id),
     * escalations (key = escalation id), feedback (key = feedback id).
     */
    public static final String NOTIFICATION_EVENTS = "notification.events";

    private NotificationTopics() {
    }
}
