package org.federation.event.report.application;

import java.util.List;
import java.util.Optional;

import org.federation.event.report.application.SummaryReports.Report;

/** Where summary reports are kept ({@code _id} = the activity id). */
public interface StoredReports {

    /**
     * Stores the report with a mark that its announcement is still to come, in one write: if this
     * instance dies before the activity records it, {@link #unannounced()} finds it again.
     */
    void storeUnannounced(Report report);

    /** Drops the mark once the activity recorded the submission. */
    void announced(String activityId);

    /** The reports stored but not yet recorded on their activity. */
    List<Report> unannounced();

    Optional<Report> find(String activityId);
}
