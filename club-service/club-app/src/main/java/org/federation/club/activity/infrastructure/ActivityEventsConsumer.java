package org.federation.club.activity.infrastructure;

import java.util.Set;
import java.util.function.Consumer;

import org.federation.event.contracts.ActivityAttendance;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.contracts.ActivityReportSubmitted;
import org.federation.event.contracts.ActivitySnapshot;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Keeps the clubs' activity record from {@code activity.events} (group {@code club-service}):
 * published, changed and cancelled activities, their published attendance, and their reports
 * (submitted on time or late, overdue). Other types (a budget request) are not club-service's
 * business. An event without the snapshot of the activity it is keyed by, or an attendance
 * without its attendees, goes to {@code activity.events.club-service.dlq}.
 */
@Configuration(proxyBeanMethods = false)
class ActivityEventsConsumer {

    private static final Set<String> SNAPSHOT_ONLY = Set.of(ActivityEventTypes.PUBLISHED, ActivityEventTypes.CHANGED,
            ActivityEventTypes.CANCELLED);

    /** Any activity event's snapshot. */
    record AboutActivity(ActivitySnapshot activity) {
    }

    @Bean
    Consumer<Message<byte[]>> activityEvents(InboundEvents inbound, MongoActivityRecords records) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            String type = event.type();
            if (SNAPSHOT_ONLY.contains(type)) {
                records.keep(snapshot(event, inbound.payload(event, AboutActivity.class).activity()), event.sequence());
            } else if (ActivityEventTypes.ATTENDANCE_PUBLISHED.equals(type)) {
                ActivityAttendance attendance = inbound.payload(event, ActivityAttendance.class);
                InboundEvents.require(attendance.attendees() != null && attendance.attendees().stream()
                        .noneMatch(a -> a == null || a.isBlank()), event, "an attendance lists its attendees");
                records.keep(snapshot(event, attendance.activity()), event.sequence(),
                        MongoActivityRecords.attendance(attendance.attendance(), attendance.attendees()));
            } else if (ActivityEventTypes.REPORT_SUBMITTED.equals(type)) {
                ActivityReportSubmitted report = inbound.payload(event, ActivityReportSubmitted.class);
                records.keep(snapshot(event, report.activity()), event.sequence(),
                        MongoActivityRecords.reportSubmitted(report.late()));
            } else if (ActivityEventTypes.REPORT_OVERDUE.equals(type)) {
                records.keep(snapshot(event, inbound.payload(event, AboutActivity.class).activity()), event.sequence(),
                        MongoActivityRecords.reportOverdue());
            }
        };
    }

    private static ActivitySnapshot snapshot(EventEnvelope event, ActivitySnapshot activity) {
        InboundEvents.require(activity != null && activity.id() != null && activity.id().equals(event.subject())
                && activity.start() != null && activity.end() != null && activity.state() != null, event,
                "an activity event carries the snapshot (id, start, end, state) of the activity it is keyed by");
        return activity;
    }
}
