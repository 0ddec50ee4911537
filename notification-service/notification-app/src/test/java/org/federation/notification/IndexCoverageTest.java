package org.federation.notification;

import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.testing.IndexCoverage;
import org.federation.platform.testing.RunsLast;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every filter notification-service sent to its store while its other tests ran (they run first:
 * {@link RunsLast}) is served by an index the service declares and creates at start-up, so a
 * real MongoDB never scans a collection to answer a command, a query or a consumer. The embedded
 * store ignores non-unique indexes, so nothing else would notice a missing one.
 */
@NotificationServiceTest
@RunsLast
class IndexCoverageTest extends EmbeddedBackboneProperties {

    @Autowired
    MongoIndexes indexes;

    @Test
    void everyFilterSentToTheStoreIsServedByADeclaredIndex() {
        IndexCoverage.assertCovered(indexes);
    }
}
