package org.federation.platform.testing.archfixture.flat.notes;

/** A feature without role packages: the rules that guard those packages have nothing to check. */
public record Note(String text) {
}
