package org.federation.platform.domain;

import java.util.List;
import java.util.function.Function;

/**
 * What a command on an aggregate came to: the aggregate's new state and the events it caused,
 * decided together in the domain (eventuate's {@code ResultWithDomainEvents} shape). A repository
 * stores both in one write; it never works events out for itself.
 *
 * @param state  the aggregate after the command
 * @param events the events the command caused, in order; empty if it changed nothing others care about
 */
public record Decision<S>(S state, List<DomainEvent> events) {

    public Decision {
        java.util.Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }

    /** The new state and the events that brought it about. */
    public static <S> Decision<S> of(S state, DomainEvent... events) {
        return new Decision<>(state, List.of(events));
    }

    /** A state that changed without anything to tell others (or did not change at all). */
    public static <S> Decision<S> quietly(S state) {
        return new Decision<>(state, List.of());
    }

    /** This decision with more events after its own, and the state they lead to. */
    public Decision<S> then(Decision<S> next) {
        List<DomainEvent> all = new java.util.ArrayList<>(events);
        all.addAll(next.events());
        return new Decision<>(next.state(), all);
    }

    /** The same events about another representation of the state (e.g. its stored form). */
    public <T> Decision<T> map(Function<? super S, ? extends T> mapping) {
        return new Decision<>(mapping.apply(state), events);
    }

    /** Nothing to store: no events and the same state as before (a repeat of something done). */
    public boolean changesNothing(S before) {
        return events.isEmpty() && state.equals(before);
    }
}
