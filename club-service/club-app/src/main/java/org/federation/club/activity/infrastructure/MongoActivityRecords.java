package org.federation.club.activity.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;

import org.federation.club.activity.domain.ActivityRecords;
import org.federation.club.activity.domain.ClubActivity;
import org.federation.event.contracts.ActivitySnapshot;
import org.federation.platform.messaging.IdempotentWrites;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Activities in {@code activity-record} ({@code _id} = activity id), one document each. Every
 * event carries the activity's snapshot, kept only from an event newer (by the activity's
 * {@code sequence}) than the one it holds. Attendance and report status are carried only by their
 * own events, so each is a field group with a sequence of its own ({@code attendanceSequence},
 * {@code reportSequence}): an older attendance re-driven from the dead-letter topic after newer
 * events still sets the attendance if no newer attendance did, and a redelivery changes nothing.
 */
@Repository
class MongoActivityRecords implements ActivityRecords {

    static final String COLLECTION = "activity-record";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    MongoActivityRecords(MongoTemplate mongo, IdempotentWrites writes, MongoIndexes indexes) {
        this.mongo = mongo;
        this.writes = writes;
        // a club's attendance record: the activities it organised
        indexes.ensure(COLLECTION, "organiserClubIds");
    }

    /** Fields only some events carry, applied by their own sequence. */
    record FieldGroup(String sequenceField, Update update) {
    }

    /** Keeps the activity's snapshot if the event is newer than the one held; true if applied. */
    boolean keep(ActivitySnapshot activity, long sequence) {
        Update snapshot = new Update().set("title", activity.title())
                .set("start", activity.start())
                .set("end", activity.end())
                .set("organiserClubIds", activity.organiserClubIds() == null ? List.of() : activity.organiserClubIds())
                .set("state", activity.state());
        return writes.applyIfNewer(COLLECTION, activity.id(), sequence, snapshot);
    }

    /** Keeps the snapshot, then {@code group} if no newer event set that group; true if the group was applied. */
    boolean keep(ActivitySnapshot activity, long sequence, FieldGroup group) {
        keep(activity, sequence);
        return writes.applyIfNewer(COLLECTION, activity.id(), group.sequenceField(), sequence, group.update());
    }

    static FieldGroup attendance(int attendance, List<String> attendees) {
        return new FieldGroup("attendanceSequence", new Update().set("attendance", attendance)
                .set("attendees", attendees.stream().distinct().toList()));
    }

    static FieldGroup reportSubmitted(boolean late) {
        return new FieldGroup("reportSequence", new Update().set("report", ClubActivity.SUBMITTED).set("reportLate", late));
    }

    static FieldGroup reportOverdue() {
        return new FieldGroup("reportSequence", new Update().set("report", ClubActivity.OVERDUE).set("reportLate", false));
    }

    @Override
    public List<ClubActivity> organisedBy(String clubId) {
        return mongo.find(query(where("organiserClubIds").is(clubId)), ClubActivity.class, COLLECTION);
    }
}
