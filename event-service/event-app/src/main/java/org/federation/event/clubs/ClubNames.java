package org.federation.event.clubs;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The names of clubs, from event-service's own directory (built from {@code club.events}: a fact
 * collected once, never asked of club-service), for what the public may see of a club: its name.
 * Only the name is read, so nothing else of the directory (leaders, members) can reach a public page.
 */
@Repository
public class ClubNames {

    private final MongoTemplate mongo;

    ClubNames(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The names of those of {@code clubIds} the directory knows, in one query. A club not heard of
     * yet (its establishment still on its way) is simply missing.
     */
    public Map<String, String> of(Collection<String> clubIds) {
        Map<String, String> names = new HashMap<>();
        if (clubIds.isEmpty()) {
            return names;
        }
        Query known = query(where("_id").in(clubIds));
        known.fields().include("name");
        for (Document club : mongo.find(known, Document.class, ClubDirectory.COLLECTION)) {
            if (club.getString("name") != null) {
                names.put(club.getString("_id"), club.getString("name"));
            }
        }
        return names;
    }
}
