package org.federation.club.profile.infrastructure;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.federation.club.contracts.ClubTopics;
import org.federation.club.profile.domain.ClubProfileFacts;
import org.federation.club.profile.domain.InformationRequest;
import org.federation.club.profile.domain.ProfileStore;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.persistence.NewestFirst;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Profile facts in {@code club-profiles} (id {@code profile-<clubId>}, the key of their events) and
 * information requests in {@code information-requests}, each with its own outbox.
 */
@Repository
class MongoProfileStore implements ProfileStore {

    static final String PROFILES = "club-profiles";
    static final String REQUESTS = "information-requests";

    private final MongoTemplate mongo;
    private final AggregateRepository<ClubProfileFacts, ClubProfileFacts> profiles;
    private final AggregateRepository<InformationRequest, InformationRequest> requests;

    MongoProfileStore(MongoTemplate mongo, AggregateStore store, MongoIndexes indexes) {
        this.mongo = mongo;
        this.profiles = store.repository(PROFILES, ClubTopics.CLUB_EVENTS, ClubProfileFacts.class);
        this.requests = store.repository(REQUESTS, ClubTopics.CLUB_EVENTS, InformationRequest.class);
        // the information requests addressed to a club (open ones: with their deadline)
        indexes.ensure(REQUESTS, "clubs.clubId", "deadline");
    }

    private static String profileId(String clubId) {
        return "profile-" + clubId;
    }

    @Override
    public ClubProfileFacts facts(String clubId) {
        return profiles.find(profileId(clubId)).orElse(ClubProfileFacts.none(clubId));
    }

    @Override
    public Decision<ClubProfileFacts> changeFacts(String clubId,
                                                  Function<ClubProfileFacts, Decision<ClubProfileFacts>> decision) {
        if (profiles.find(profileId(clubId)).isEmpty()) {
            try {
                profiles.create(profileId(clubId), Decision.quietly(ClubProfileFacts.none(clubId)));
            } catch (DuplicateKeyException createdMeanwhile) {
                // another request created it: change that one
            }
        }
        return profiles.change(profileId(clubId), "profile of club", decision);
    }

    @Override
    public void add(Decision<InformationRequest> opened) {
        requests.create(opened.state().id(), opened);
    }

    /** Answers are kept in the request and published as profile facts, not as events of their own. */
    @Override
    public InformationRequest changeRequest(String id, UnaryOperator<InformationRequest> change) {
        return requests.change(id, "information request", current -> Decision.quietly(change.apply(current))).state();
    }

    @Override
    public Optional<InformationRequest> request(String id) {
        return requests.find(id);
    }

    @Override
    public List<String> openRequestIds(String clubId, java.time.Instant now) {
        Query open = Query.query(Criteria.where("clubs.clubId").is(clubId).and("deadline").gt(now));
        open.fields().include("_id");
        return mongo.find(open, org.bson.Document.class, REQUESTS).stream().map(d -> d.get("_id").toString()).toList();
    }

    @Override
    public PageOf<InformationRequest> requests(String clubId, int page, int size) {
        Criteria filter = clubId == null ? new Criteria() : Criteria.where("clubs.clubId").is(clubId);
        return NewestFirst.page(mongo, REQUESTS, InformationRequest.class, filter, "requestedAt", page, size);
    }
}
