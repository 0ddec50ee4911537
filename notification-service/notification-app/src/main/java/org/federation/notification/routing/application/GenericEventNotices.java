package org.federation.notification.routing.application;

import org.federation.notification.routing.domain.Routed;
import org.federation.notification.routing.domain.NoticeKinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.federation.notification.directory.domain.Names;
import org.federation.platform.messaging.EventEnvelope;

import tools.jackson.databind.JsonNode;

/**
 * Events of finance.events as notices, read generically: the kind is the type's name
 * ({@code org.federation.finance.budget-decided.v1} → {@code budget-decided}) and is routed only if
 * {@link NoticeKinds} lists it; the clubs it is about come from {@code clubId},
 * {@code account.clubId}, {@code budget.clubId} or {@code club.id} (the shapes of finance-service's
 * contracts); what it says is {@link FinanceNoticeText}'s. activity.events is read with event-service's records instead ({@link ActivityEventNotices}).
 */
public final class GenericEventNotices {

    private GenericEventNotices() {
    }

    public static String kindOf(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type;
    }

    public static Optional<Routed> of(EventEnvelope event, JsonNode payload, Names names) {
        String kind = kindOf(event.type());
        if (NoticeKinds.of(kind).isEmpty()) {
            return Optional.empty();
        }
        List<String> clubIds = new ArrayList<>();
        // the ledger's facts are for their kinds' subscribers only, not for every leader of the clubs they touch
        for (String pointer : List.of("/clubId", "/account/clubId", "/budget/clubId", "/club/id")) {
            JsonNode node = payload.at(pointer);
            if (node.isString() && !node.asString().isBlank() && !NoticeKinds.SUBSCRIBERS_ONLY.contains(kind)) {
                clubIds.add(node.asString());
            }
        }
        // the text names clubs and says the figure that matters; never the event's type or ids
        FinanceNoticeText.Text text = FinanceNoticeText.of(kind, payload, names);
        return Optional.of(new Routed(event.id(), kind, text.title(), text.body(), subjectRef(event),
                clubIds.stream().distinct().toList(), List.of()));
    }

    private static String subjectRef(EventEnvelope event) {
        String type = event.type();
        if (type.startsWith("org.federation.finance.budget-") || type.startsWith("org.federation.finance.activity-")) {
            return "activity:" + event.subject(); // finance keys budgets and spending by the activity
        }
        if (NoticeKinds.SUBSCRIBERS_ONLY.contains(kindOf(type)) && type.startsWith("org.federation.finance.")) {
            return "transaction:" + event.subject(); // the ledger's facts are keyed by their transaction
        }
        if (type.startsWith("org.federation.finance.statement-")) {
            return "statement:" + event.subject();
        }
        if (type.startsWith("org.federation.finance.")) {
            return "account:" + event.subject();
        }
        return event.subject();
    }
}
