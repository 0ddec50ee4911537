package org.federation.club.profile.domain;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.federation.platform.paging.PageOf;

/** Where clubs' profile facts and information requests are kept, each write with its events. */
public interface ProfileStore {

    ClubProfileFacts facts(String clubId);

    ClubProfileFacts.Change changeFacts(String clubId, Function<ClubProfileFacts, ClubProfileFacts.Change> change,
                                        String actor);

    void add(InformationRequest.Change request);

    InformationRequest changeRequest(String id, UnaryOperator<InformationRequest> change);

    Optional<InformationRequest> request(String id);

    /** Requests newest first; optionally only those naming a club. */
    PageOf<InformationRequest> requests(String clubId, int page, int size);

}
