package org.federation.platform.testing;

import static org.assertj.core.api.Assertions.fail;

import java.util.Set;
import java.util.TreeSet;

/**
 * The check a service's {@code FeatureCollectionsTest} makes per feature: the collections the
 * feature's operations named ({@link MongoCollections}) are exactly the ones it owns or is meant to
 * read. A feature that starts writing or reading another feature's or another service's collection
 * fails, naming the feature and the collection.
 */
public final class FeatureCollections {

    private FeatureCollections() {
    }

    /** Fails unless {@code touched} is exactly {@code expected}, naming {@code feature} and the difference. */
    public static void assertTouches(String feature, Set<String> touched, String... expected) {
        Set<String> allowed = Set.of(expected);
        Set<String> unexpected = new TreeSet<>(touched);
        unexpected.removeAll(allowed);
        Set<String> untouched = new TreeSet<>(allowed);
        untouched.removeAll(touched);
        if (!unexpected.isEmpty() || !untouched.isEmpty()) {
            fail("feature '%s' touched %s%s; expected exactly %s, touched %s", feature,
                    unexpected.isEmpty() ? "no unexpected collection" : "collections it does not own: " + unexpected,
                    untouched.isEmpty() ? "" : " and not " + untouched + " (its operations no longer reach them?)",
                    new TreeSet<>(allowed), touched);
        }
    }
}
