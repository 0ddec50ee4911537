package org.federation.event.contracts;

import java.time.Instant;

/** An activity's summary report was not submitted by its due date (published once per activity). */
public record ActivityReportOverdue(ActivitySnapshot activity, Instant dueAt) {
}
