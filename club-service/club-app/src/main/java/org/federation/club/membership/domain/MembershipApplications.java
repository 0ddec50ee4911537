package org.federation.club.membership.domain;

import java.util.Optional;
import java.util.function.Function;

import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;

/** Where membership applications are kept; storing one also queues its events. */
public interface MembershipApplications {

    /** @throws org.federation.platform.problem.StateConflictException if the student already has a pending application to the club */
    void add(Decision<MembershipApplication> submitted);

    Decision<MembershipApplication> change(String id,
                                           Function<MembershipApplication, Decision<MembershipApplication>> decision);

    Optional<MembershipApplication> find(String id);

    /** A club's applications, newest first, optionally in one state. */
    PageOf<MembershipApplication> ofClub(String clubId, MembershipApplication.State state, int page, int size);
}
