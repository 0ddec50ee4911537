package org.federation.finance.budgets;

import org.federation.event.contracts.ActivityCancelled;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.contracts.ActivityPublished;
import org.federation.event.contracts.ActivitySnapshot;
import org.federation.event.contracts.ActivityTopics;
import org.federation.event.contracts.BudgetRequested;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.RawEvents;

import tools.jackson.databind.json.JsonMapper;

/** Budget requests and activities' publication and cancellation as event-service publishes them on {@code activity.events}. */
public final class BudgetFacts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BudgetFacts() {
    }

    public static EventEnvelope requested(String activityId, String clubId, long fen, long sequence) {
        return RawEvents.envelope(ActivityEventTypes.BUDGET_REQUESTED, "/event-service", activityId, sequence,
                JSON.writeValueAsString(new BudgetRequested(activityId, "社团风采节 " + activityId.substring(0, 8), clubId,
                        clubId == null ? "publicity" : null, fen, "venue, printing and prizes",
                        java.util.List.of(new BudgetRequested.BudgetItem("venue, printing and prizes", fen)), "2023010001")));
    }

    /** A joint activity's request: organised by {@code organiserClubIds}, paid by {@code payingClubId}, one of them. */
    public static EventEnvelope jointRequested(String activityId, String payingClubId, java.util.List<String> organiserClubIds,
                                               long fen, long sequence) {
        return RawEvents.envelope(ActivityEventTypes.BUDGET_REQUESTED, "/event-service", activityId, sequence,
                JSON.writeValueAsString(new BudgetRequested(activityId, "联合迎新晚会 " + activityId.substring(0, 8), payingClubId,
                        null, fen, "stage and sound", java.util.List.of(new BudgetRequested.BudgetItem("stage and sound", fen)),
                        "2023010001", organiserClubIds)));
    }

    /** The activity's publication, which tells finance-service when it ends. */
    public static EventEnvelope published(String activityId, String clubId, java.time.Instant end, long sequence) {
        return RawEvents.envelope(ActivityEventTypes.PUBLISHED, "/event-service", activityId, sequence,
                JSON.writeValueAsString(new ActivityPublished(snapshot(activityId, clubId, end, "approved"))));
    }

    public static EventEnvelope cancelled(String activityId, String clubId, java.time.Instant end, long sequence) {
        return RawEvents.envelope(ActivityEventTypes.CANCELLED, "/event-service", activityId, sequence,
                JSON.writeValueAsString(new ActivityCancelled(snapshot(activityId, clubId, end, "cancelled"), "rain")));
    }

    private static ActivitySnapshot snapshot(String activityId, String clubId, java.time.Instant end, String state) {
        return new ActivitySnapshot(activityId, "社团风采节", "show", "", end.minusSeconds(7200), end, "大礼堂", "public",
                java.util.List.of(clubId), null, "culture", state);
    }

    public static void publish(EventEnvelope... events) {
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            for (EventEnvelope event : events) {
                raw.send(ActivityTopics.ACTIVITY_EVENTS, event);
            }
        }
    }

    public static void publishRaw(String activityId, String json) {
        publish(RawEvents.envelope(ActivityEventTypes.BUDGET_REQUESTED, "/event-service", activityId, 1, json));
    }

    public static void publishGarbage(String key) {
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.sendWithoutEnvelope(ActivityTopics.ACTIVITY_EVENTS, key, "not an event");
        }
    }
}
