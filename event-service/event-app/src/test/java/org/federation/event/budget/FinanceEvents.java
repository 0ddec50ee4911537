package org.federation.event.budget;

import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.finance.contracts.FinanceTopics;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.RawEvents;

/** finance-service's budget events, hand-made: finance-service does not run in event-service's tests. */
public final class FinanceEvents {

    private FinanceEvents() {
    }

    /** A budget snapshot as JSON. */
    public static String budget(String activityId, long requestedFen, String state, long approvedFen, long spentFen,
                                int claims) {
        return """
                {"activityId":"%s","title":"Club Cup","clubId":null,"department":null,"requestedFen":%d,"state":"%s",
                 "approvedFen":%d,"spentFen":%d,"remainingFen":%d,"claimCount":%d,"fundingAccountId":"acc-x",
                 "decidedBy":"2090000301","decidedAt":"2026-11-20T08:00:00Z"}""".formatted(activityId, requestedFen, state,
                approvedFen, spentFen, Math.max(0, approvedFen - spentFen), claims);
    }

    public static void decided(String activityId, long sequence, String budget, String decision, String reason) {
        send(FinanceEventTypes.BUDGET_DECIDED, activityId, sequence, "{\"budget\":" + budget + ",\"decision\":\""
                + decision + "\",\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"") + "}");
    }

    public static void spendingChanged(String activityId, long sequence, String budget, long claimedFen) {
        send(FinanceEventTypes.ACTIVITY_SPENDING_CHANGED, activityId, sequence, "{\"budget\":" + budget
                + ",\"claimId\":\"claim-" + sequence + "\",\"claimedFen\":" + claimedFen + ",\"category\":\"printing\",\"withdrawn\":false}");
    }

    public static void send(String type, String key, long sequence, String json) {
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send(FinanceTopics.FINANCE_EVENTS, RawEvents.envelope(type, "/finance-service", key, sequence, json));
        }
    }
}
