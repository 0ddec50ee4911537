package org.federation.finance;

import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.testing.Persona;

/**
 * Events from other services as a person caused them: the test fixtures send every event as
 * {@code system}, but finance-service must carry the actor of a person's change on to the events
 * it decides because of it (an account settled because someone asked the club to dissolve).
 */
public final class CausedBy {

    private CausedBy() {
    }

    /** The same event, with {@code person} as its {@code ce_actor}. */
    public static EventEnvelope person(Persona person, EventEnvelope event) {
        return new EventEnvelope(event.id(), event.type(), event.source(), event.subject(), event.time(),
                person.subject(), event.sequence(), event.payload());
    }
}
