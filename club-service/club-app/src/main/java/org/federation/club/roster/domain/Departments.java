package org.federation.club.roster.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.federation.club.contracts.RosterChanged;

/** Where departments are kept; each change is stored with its {@code roster-changed} event. */
public interface Departments {

    /**
     * Applies {@code change} to the department (an empty one if it has none yet) and publishes the
     * roster that {@code event} makes of the result.
     */
    Department change(String name, UnaryOperator<Department> change,
                      java.util.function.Function<Department, RosterChanged> event, String actor);

    Optional<Department> find(String name);

    List<Department> all();

    /** The department whose roster lists this person, if any. */
    Optional<Department> of(String studentNumber);
}
