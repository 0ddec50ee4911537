package org.federation.platform.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.federation.platform.persistence.MongoIndexes;

/**
 * Checks recorded filters against declared indexes. A filter (each {@code $or} branch of it) is
 * covered when it constrains {@code _id}, or when an index's leading key is among its fields:
 * the prefix rule, by which MongoDB can use a compound index for a query on its first keys. A
 * filter with no field at all reads the whole collection on purpose (a listing, a rebuild's
 * emptiness check) and is not a lookup an index could serve.
 */
public final class IndexCoverage {

    private IndexCoverage() {
    }

    /**
     * Fails naming every filter recorded so far in this JVM ({@link MongoFilters}) that none of
     * {@code indexes} serves. Meaningful after the service's other tests ({@link RunsLast}).
     */
    public static void assertCovered(MongoIndexes indexes) {
        Collection<MongoFilters.Recorded> recorded = MongoFilters.INSTANCE.recorded();
        org.assertj.core.api.Assertions.assertThat(recorded).as("filters recorded while the service's tests ran")
                .isNotEmpty();
        org.assertj.core.api.Assertions.assertThat(uncovered(recorded, indexes.declared()))
                .as("filters sent to the store that no declared index serves (declare them with MongoIndexes in the"
                        + " infrastructure class that runs the query); %d filter shapes recorded", recorded.size())
                .isEmpty();
    }

    /** The filters no declared index serves, described for a failure message. */
    public static List<String> uncovered(Collection<MongoFilters.Recorded> filters, List<MongoIndexes.Declared> indexes) {
        List<String> missing = new ArrayList<>();
        for (MongoFilters.Recorded filter : filters) {
            for (Set<String> branch : filter.branches()) {
                if (!branch.isEmpty() && !covered(filter.collection(), branch, indexes)) {
                    missing.add(filter.collection() + " " + filter.command() + " on " + branch + " e.g. "
                            + filter.example());
                }
            }
        }
        missing.sort(String::compareTo);
        return missing;
    }

    static boolean covered(String collection, Set<String> fields, List<MongoIndexes.Declared> indexes) {
        if (fields.contains("_id")) {
            return true;
        }
        return indexes.stream().filter(index -> index.collection().equals(collection))
                .anyMatch(index -> fields.contains(index.keys().get(0)));
    }
}
