/**
 * Small classes that {@code ArchitectureRulesTest} checks {@code ArchitectureRules} against:
 * {@code clean} keeps every rule, {@code broken} breaks each rule once on purpose, {@code flat}
 * has none of the role packages the rules guard.
 */
package org.federation.platform.testing.archfixture;
