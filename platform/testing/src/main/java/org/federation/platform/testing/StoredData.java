package org.federation.platform.testing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Everything an app has stored, for "nothing changed" assertions. The relay's own bookkeeping
 * (events still pending and its lease) is left out: it moves on its own after earlier writes.
 */
public final class StoredData {

    private StoredData() {
    }

    public static Map<String, List<String>> of(MongoTemplate mongo) {
        Map<String, List<String>> collections = new TreeMap<>();
        for (String name : mongo.getCollectionNames()) {
            List<String> documents = mongo.getCollection(name).find().sort(new Document("_id", 1))
                    .map(document -> {
                        document.remove("pendingEvents");
                        document.remove("relayLease");
                        return document.toJson();
                    }).into(new java.util.ArrayList<>());
            if (!documents.isEmpty()) {
                // an empty collection appearing (an index created on first use) is no stored data
                collections.put(name, documents);
            }
        }
        return collections;
    }
}
