package org.federation.notification.directory.domain;

import java.util.List;
import java.util.Optional;

/** The clubs notification-service has read from {@code club.events} (a port; kept in infrastructure). */
public interface KnownClubs {

    Optional<KnownClub> find(String id);

    /** Those of {@code ids} the directory knows; the others left out. */
    List<KnownClub> findAll(List<String> ids);

    /** Every club still current (not dissolved or merged away). */
    List<KnownClub> current();

    /** The clubs this person is the liaison officer of. */
    List<KnownClub> withLiaisonOfficer(String officer);

    /** Every liaison officer a club names. */
    List<String> liaisonOfficers();
}
