package org.federation.event.training.domain;

import java.time.Instant;

/** The organisers' written summary of a class, with who wrote it last and when. */
public record ClassReport(String summary, String writtenBy, Instant writtenAt) {
}
