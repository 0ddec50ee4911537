package org.federation.platform.testing.archfixture.clean.orders.domain;

import org.federation.platform.testing.archfixture.clean.members.domain.Member;

public record Order(String id, Member placedBy) {
}
