package org.federation.notification.directory.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.federation.platform.security.Caller;

/** The people who signed in, as their tokens described them (a port; kept in infrastructure). */
public interface KnownPeople {

    /** Records what the caller's token says about them, if it is new (and the departments it names them in). */
    void seen(Caller caller);

    Optional<Person> find(String subject);

    /** Those of {@code subjects} seen so far, by subject. */
    Map<String, Person> findAll(Collection<String> subjects);

    /** Everyone who signed in with the liaison officer role. */
    List<String> liaisonOfficers();
}
