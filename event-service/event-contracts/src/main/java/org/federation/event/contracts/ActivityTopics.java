package org.federation.event.contracts;

/** Where event-service publishes. */
public final class ActivityTopics {

    /** Activities, registrations, attendance and budget requests. Key = activity id. */
    public static final String ACTIVITY_EVENTS = "activity.events";

    private ActivityTopics() {
    }
}
