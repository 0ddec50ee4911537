package org.federation.platform.testing.archfixture.clean.members.domain;

public record Member(String studentNumber) {
}
