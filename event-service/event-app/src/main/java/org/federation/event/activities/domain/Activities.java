package org.federation.event.activities.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where activities are kept; a published activity's changes are stored with their events. */
public interface Activities {

    void add(Activity activity);

    /**
     * Applies {@code change} to the current activity (again on fresh state after a concurrent update)
     * and stores it with the events it implies.
     *
     * @throws org.federation.platform.problem.ResourceNotFoundException if there is no such activity
     */
    Activity change(String id, UnaryOperator<Activity> change, String actor, String what);

    Optional<Activity> find(String id);

    /** Like {@link #change}, and if the activity changed, also publishes an event of {@code type} with this payload. */
    Activity changeAnnouncing(String id, UnaryOperator<Activity> change, String actor, String type,
                              java.util.function.Function<Activity, Object> payload);

    /** Publishes an event about the activity without changing it (stored in its outbox with the next sequence). */
    void announce(String id, String type, String actor, java.util.function.Function<Activity, Object> payload);

    /** Open activities organised by this club that start after {@code after}. */
    List<Activity> upcomingOrganisedBy(String clubId, Instant after);
}
