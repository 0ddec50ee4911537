package org.federation.event.contracts;

import java.util.List;

/**
 * An activity's attendance as its organisers published it (again after late check-ins: keep the
 * newest by sequence): the distinct people checked in, and how many of them had not registered.
 */
public record ActivityAttendance(ActivitySnapshot activity, int attendance, int walkIns, List<String> attendees) {
}
