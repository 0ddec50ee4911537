package org.federation.club.registry.domain;

import org.federation.club.contracts.ClubLeader;

/** A club leader: who (student number), their name and their role in the club. */
public record Leader(String studentNumber, String name, String role) {

    public static final String PRESIDENT = "president";

    public ClubLeader toContract() {
        return new ClubLeader(studentNumber, name, role);
    }
}
