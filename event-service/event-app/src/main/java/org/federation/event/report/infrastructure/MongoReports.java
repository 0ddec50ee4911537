package org.federation.event.report.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.federation.event.report.application.StoredReports;
import org.federation.event.report.application.SummaryReports.Report;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** {@link StoredReports} in {@code reports}; the mark of a report not yet announced is {@code unannounced: true}. */
@Repository
class MongoReports implements StoredReports {

    static final String REPORTS = "reports";
    /** On a stored report whose submission the activity has not recorded yet. */
    static final String UNANNOUNCED = "unannounced";

    private final MongoTemplate mongo;

    MongoReports(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void storeUnannounced(Report report) {
        Document stored = new Document();
        mongo.getConverter().write(report, stored);
        stored.remove("_class");
        stored.put(UNANNOUNCED, true);
        mongo.save(stored, REPORTS);
    }

    @Override
    public void announced(String activityId) {
        mongo.updateFirst(query(where("_id").is(activityId)), new Update().unset(UNANNOUNCED), REPORTS);
    }

    @Override
    public List<Report> unannounced() {
        return mongo.find(query(where(UNANNOUNCED).is(true)), Report.class, REPORTS);
    }

    @Override
    public Optional<Report> find(String activityId) {
        return Optional.ofNullable(mongo.findById(activityId, Report.class, REPORTS));
    }
}
