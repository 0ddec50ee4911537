package org.federation.event.contracts;

/**
 * A published activity changed: its time or venue, or its organisers (a merged club's activities
 * pass to the successor). {@code change} says what in words.
 */
public record ActivityChanged(ActivitySnapshot activity, String change) {
}
