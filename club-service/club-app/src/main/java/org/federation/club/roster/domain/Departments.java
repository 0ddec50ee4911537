package org.federation.club.roster.domain;

import java.util.List;
import java.util.Optional;

import org.federation.platform.domain.Decision;


/** Where departments are kept; each change is stored with its {@code roster-changed} event. */
public interface Departments {

    /** Applies a decision to the department (an empty one if it has none yet) and stores it with its events. */
    Department change(String name, java.util.function.Function<Department, Decision<Department>> decision);

    Optional<Department> find(String name);

    List<Department> all();

    /** The department whose roster lists this person, if any. */
    Optional<Department> of(String studentNumber);
}
