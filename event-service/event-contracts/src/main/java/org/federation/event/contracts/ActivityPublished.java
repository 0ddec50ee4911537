package org.federation.event.contracts;

/** An activity was approved and is published (the publicity before it). */
public record ActivityPublished(ActivitySnapshot activity) {
}
