package org.federation.club.activity.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;

import org.federation.club.activity.domain.ActivityRecords;
import org.federation.club.activity.domain.ClubActivity;
import org.federation.event.contracts.ActivitySnapshot;
import org.federation.platform.messaging.IdempotentWrites;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Activities in {@code activity-record} ({@code _id} = activity id), one document each, written
 * only by an event newer (by the activity's {@code sequence}) than the one it holds: a redelivery
 * or an older event changes nothing. Every event sets the snapshot's fields; an attendance or a
 * report event sets its own fields too and leaves the others as they are.
 */
@Repository
class MongoActivityRecords implements ActivityRecords {

    static final String COLLECTION = "activity-record";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    MongoActivityRecords(MongoTemplate mongo, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    /** Keeps the activity's snapshot plus {@code also}; true if the event was newer and applied. */
    boolean keep(ActivitySnapshot activity, long sequence, Update also) {
        also.set("title", activity.title())
                .set("start", activity.start())
                .set("end", activity.end())
                .set("organiserClubIds", activity.organiserClubIds() == null ? List.of() : activity.organiserClubIds())
                .set("state", activity.state());
        return writes.applyIfNewer(COLLECTION, activity.id(), sequence, also);
    }

    static Update attendance(int attendance, List<String> attendees) {
        return new Update().set("attendance", attendance).set("attendees", attendees.stream().distinct().toList());
    }

    static Update reportSubmitted(boolean late) {
        return new Update().set("report", ClubActivity.SUBMITTED).set("reportLate", late);
    }

    static Update reportOverdue() {
        return new Update().set("report", ClubActivity.OVERDUE).set("reportLate", false);
    }

    @Override
    public List<ClubActivity> organisedBy(String clubId) {
        return mongo.find(query(where("organiserClubIds").is(clubId)), ClubActivity.class, COLLECTION);
    }
}
