package org.federation.event.contracts;

import java.util.List;

/** The organisers submitted (or revised) an activity's summary report; attendance is from check-ins. */
public record ActivityReportSubmitted(ActivitySnapshot activity, String summary, List<String> links, long attendance,
                                      boolean late) {
}
