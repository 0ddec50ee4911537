package org.federation.platform.messaging;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.federation.platform.domain.Decision;
import org.federation.platform.problem.ResourceNotFoundException;

/**
 * One kind of aggregate in its collection, with its outbox: stores a {@link Decision} (the new
 * state and its events) in one version-checked single-document write, and retries a decision on
 * fresh state when another writer got there first. Made by {@link AggregateStore#repository},
 * which also registers the collection's topic with the relay and the topic set-up, so an app
 * declares nothing else.
 *
 * <pre>{@code
 * private final AggregateRepository<ClubEvaluation> evaluations =
 *         store.repository("club-evaluations", ClubTopics.CLUB_EVENTS, ClubEvaluation.class);
 *
 * ClubEvaluation published = evaluations.change(id, "evaluation", e -> e.publish(actor, now)).state();
 * }</pre>
 *
 * @param <A> the aggregate as the domain knows it
 * @param <D> its stored form (the same class unless the domain type does not map to a document as is)
 */
public final class AggregateRepository<A, D> {

    private final AggregateStore store;
    private final String collection;
    private final Class<D> storedType;
    private final Function<? super A, ? extends D> toStored;
    private final Function<? super D, ? extends A> fromStored;

    AggregateRepository(AggregateStore store, String collection, Class<D> storedType,
                        Function<? super A, ? extends D> toStored, Function<? super D, ? extends A> fromStored) {
        this.store = store;
        this.collection = collection;
        this.storedType = storedType;
        this.toStored = toStored;
        this.fromStored = fromStored;
    }

    /** The collection, for the repository's own queries. */
    public String collection() {
        return collection;
    }

    public Optional<A> find(String id) {
        return store.find(collection, id, storedType).map(v -> fromStored.apply(v.state()));
    }

    /**
     * Stores a new aggregate with the events that created it.
     *
     * @return the new aggregate
     * @throws org.springframework.dao.DuplicateKeyException if the id, or a value under a unique index, is taken
     */
    public A create(String id, Decision<A> decision) {
        store.insert(collection, id, toStored.apply(decision.state()), decision.events());
        return decision.state();
    }

    /**
     * Stores many new aggregates in one round trip (a fan-out); an id already taken is left as it
     * is, so a repeat of the same cause creates nothing twice.
     *
     * @return the ids this call created
     */
    public Set<String> createAll(List<Decision<A>> decisions, Function<? super A, String> idOf) {
        return store.insertAll(collection, decisions.stream()
                .map(d -> new AggregateStore.NewAggregate(idOf.apply(d.state()), toStored.apply(d.state()), d.events()))
                .toList());
    }

    /**
     * Decides on the aggregate's current state and stores the decision, deciding again on fresh
     * state if another writer changed it meanwhile. A decision that changes nothing is not written.
     *
     * @return the decision stored (or that changed nothing), or empty if there is no such aggregate
     */
    public Optional<Decision<A>> change(String id, Function<? super A, Decision<A>> decide) {
        return store.change(collection, id, storedType, stored -> {
            A current = fromStored.apply(stored);
            Decision<A> decision = decide.apply(current);
            return decision.changesNothing(current) ? Decision.quietly(stored) : decision.map(toStored);
        }).map(storedDecision -> new Decision<>(fromStored.apply(storedDecision.state()), storedDecision.events()));
    }

    /**
     * As {@link #change(String, Function)}, for an aggregate that must exist.
     *
     * @param what the aggregate's name in the 404 problem (e.g. {@code "club"})
     * @throws ResourceNotFoundException if there is no aggregate with this id
     */
    public Decision<A> change(String id, String what, Function<? super A, Decision<A>> decide) {
        return change(id, decide).orElseThrow(() -> new ResourceNotFoundException(what, id));
    }
}
