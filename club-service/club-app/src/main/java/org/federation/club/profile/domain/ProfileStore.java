package org.federation.club.profile.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;

/** Where clubs' profile facts and information requests are kept, each write with its events. */
public interface ProfileStore {

    ClubProfileFacts facts(String clubId);

    /** Applies a decision to the club's facts (none yet if it has no profile) and stores it with its events. */
    Decision<ClubProfileFacts> changeFacts(String clubId, Function<ClubProfileFacts, Decision<ClubProfileFacts>> decision);

    void add(Decision<InformationRequest> opened);

    InformationRequest changeRequest(String id, UnaryOperator<InformationRequest> change);

    Optional<InformationRequest> request(String id);

    /** The ids of the requests naming a club whose deadline is after {@code now}. */
    List<String> openRequestIds(String clubId, java.time.Instant now);

    /** Requests newest first; optionally only those naming a club. */
    PageOf<InformationRequest> requests(String clubId, int page, int size);

}
