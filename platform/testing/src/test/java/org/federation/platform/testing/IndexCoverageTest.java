package org.federation.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.federation.platform.persistence.MongoIndexes;
import org.junit.jupiter.api.Test;

/** How a recorded filter is judged against the declared indexes (the prefix rule, per $or branch). */
class IndexCoverageTest {

    private static final List<MongoIndexes.Declared> INDEXES = List.of(
            new MongoIndexes.Declared("clubs", List.of("state", "category"), false, false),
            new MongoIndexes.Declared("clubs", List.of("members.studentNumber"), false, false),
            new MongoIndexes.Declared("classes", List.of("trainees.studentNumber"), false, false));

    @Test
    void aFilterIsCoveredByAnIndexWhoseLeadingKeyItConstrains() {
        assertThat(uncovered("clubs", "{state: 'ACTIVE', name: 'x'}")).isEmpty();
        assertThat(uncovered("clubs", "{category: 'SPORTS'}")).as("second key only: not the prefix").hasSize(1);
        assertThat(uncovered("clubs", "{_id: 'c1', version: 3}")).isEmpty();
        assertThat(uncovered("clubs", "{}")).as("a listing reads the collection on purpose").isEmpty();
        assertThat(uncovered("other", "{state: 'ACTIVE'}")).as("indexes are per collection").hasSize(1);
    }

    @Test
    void everyOrBranchNeedsAnIndexAndAndIsMerged() {
        assertThat(uncovered("clubs", "{$or: [{state: 'A'}, {'members.studentNumber': '1'}]}")).isEmpty();
        assertThat(uncovered("clubs", "{$or: [{state: 'A'}, {name: 'x'}]}")).singleElement().asString().contains("[name]");
        assertThat(uncovered("clubs", "{$and: [{name: 'x'}, {$or: [{state: 'A'}, {'members.studentNumber': '1'}]}]}")).isEmpty();
    }

    @Test
    void elemMatchCountsAsTheNestedFields() {
        assertThat(MongoFilters.branches(BsonDocument.parse("{trainees: {$elemMatch: {studentNumber: '1', status: 'e'}}}")))
                .containsExactly(Set.of("trainees", "trainees.studentNumber", "trainees.status"));
        assertThat(uncovered("classes", "{trainees: {$elemMatch: {studentNumber: '1'}}}")).isEmpty();
    }

    private static List<String> uncovered(String collection, String filter) {
        BsonDocument document = BsonDocument.parse(filter);
        return IndexCoverage.uncovered(List.of(new MongoFilters.Recorded("db", collection, "find",
                MongoFilters.branches(document), document.toJson())), INDEXES);
    }
}
