package org.federation.event.checkin.domain;

import java.util.List;
import java.util.Optional;

import org.federation.platform.paging.PageOf;

/** Where check-ins are kept: one per person and activity (id = activity|person). */
public interface CheckIns {

    Optional<CheckIn> find(String id);

    /** Stores a new check-in; false if the person is checked in already (its id is taken). */
    boolean add(CheckIn checkIn);

    /** How many people checked in at the activity. */
    long count(String activityId);

    /** How many of them came as walk-ins. */
    long countWalkIns(String activityId);

    /** One page of the activity's check-ins, newest first. */
    PageOf<CheckIn> newestFirst(String activityId, int page, int size);

    /** Every check-in at the activity, read only for the person and whether they were a walk-in. */
    List<CheckIn> peopleAndWalkIns(String activityId);
}
