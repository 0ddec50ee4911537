package org.federation.event.contracts;

/** A published activity was cancelled, with the reason (its organisers', or its club was dissolved). */
public record ActivityCancelled(ActivitySnapshot activity, String reason) {
}
