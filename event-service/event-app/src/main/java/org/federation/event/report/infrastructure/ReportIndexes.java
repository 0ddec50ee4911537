package org.federation.event.report.infrastructure;

import org.federation.platform.persistence.MongoIndexes;
import org.springframework.stereotype.Component;

/**
 * The indexes of what summary reports read and sweep: an activity's check-ins (walk-ins counted
 * apart) and the reports whose publication has not been announced yet.
 */
@Component
class ReportIndexes {

    ReportIndexes(MongoIndexes indexes) {
        indexes.ensure("check-ins", "activityId", "walkIn");
        indexes.ensure("reports", "unannounced");
    }
}
