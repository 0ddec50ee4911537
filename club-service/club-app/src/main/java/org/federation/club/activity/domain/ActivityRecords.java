package org.federation.club.activity.domain;

import java.util.List;

/** The activities club-service has heard of on {@code activity.events}. */
public interface ActivityRecords {

    /** Every activity the club organised or co-organised. */
    List<ClubActivity> organisedBy(String clubId);
}
