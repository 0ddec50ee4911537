package org.federation.platform.embeddedstore;

import java.util.List;
import java.util.Optional;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/** When a filter can be answered from the document its {@code _id} names, and through which index. */
final class IdFirst {

    private IdFirst() {
    }

    /**
     * The {@code _id} index's filter for the one document {@code query} can match, or {@code null} when
     * the filter names no single id (no {@code _id}, an operator such as {@code $in}, or only the
     * {@code _id}, which mongo-java-server already serves from its index).
     */
    private static Document byId(Document query) {
        if (query.size() < 2) {
            return null;
        }
        Object id = query.get("_id");
        // plain values only: a Document may be an operator ($in, $gt ...) or a compound id
        return id instanceof String || id instanceof Number || id instanceof ObjectId
                ? new Document("_id", id) : null;
    }

    /**
     * The positions of the one document {@code query} can match, read from the {@code _id} index; empty
     * when the filter names no single id or the collection has no {@code _id} index yet.
     */
    static <P> Optional<Iterable<P>> positions(Document query, List<Index<P>> indexes) {
        Document byId = byId(query);
        if (byId == null) {
            return Optional.empty();
        }
        for (Index<P> index : indexes) {
            if (index.canHandle(byId)) {
                return Optional.of(index.getPositions(byId));
            }
        }
        return Optional.empty();
    }
}
