package org.federation.notification.contracts;

/** Where notification-service publishes. */
public final class NotificationTopics {

    /** Notices posted, acknowledged and escalated. Key = notice id. */
    public static final String NOTIFICATION_EVENTS = "notification.events";

    private NotificationTopics() {
    }
}
