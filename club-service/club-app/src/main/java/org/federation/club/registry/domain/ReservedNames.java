package org.federation.club.registry.domain;

import java.util.Optional;

/**
 * Club names held outside the clubs themselves: a name proposed by an open founding application
 * may not be taken by a club brought onto the platform meanwhile.
 */
public interface ReservedNames {

    /** What holds this name (ignoring case and spacing), e.g. "founding application 42", if anything does. */
    Optional<String> holderOf(String name);
}
