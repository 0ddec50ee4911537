package org.federation.club.registration.domain;

import java.util.List;
import java.util.Optional;

import org.federation.platform.domain.Decision;

/** Where registration windows are kept, one per academic year. */
public interface RegistrationWindows {

    /**
     * Stores a newly opened window and its {@code registration-opened} event.
     *
     * @throws org.federation.platform.problem.StateConflictException if the year already has one
     */
    void open(Decision<RegistrationWindow> opened);

    Optional<RegistrationWindow> find(String academicYear);

    /** Newest academic year first. */
    List<RegistrationWindow> all();

    /** Records that the missed registrations were marked, unless another instance already did. */
    void markMissed(RegistrationWindow marked);
}
