package org.federation.platform.testing;

import java.util.List;

import org.federation.platform.devtoken.DevTokenIssuer;

/**
 * One development token issuer per test JVM, on a free port, which every app under test trusts
 * ({@link EmbeddedBackbone#register}): tests sign people in exactly as the local platform does.
 */
public final class TestTokens {

    private static DevTokenIssuer issuer;

    private TestTokens() {
    }

    public static synchronized DevTokenIssuer issuer() {
        if (issuer == null) {
            issuer = DevTokenIssuer.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "test-token-issuer-stop"));
        }
        return issuer;
    }

    /** A valid token for this person. */
    public static String tokenFor(String subject, List<String> roles) {
        return issuer().tokenFor(subject, "Test " + subject, roles);
    }

    /** A probe that calls as this person. */
    public static HttpProbe as(HttpProbe probe, String subject, List<String> roles) {
        return probe.with("Authorization", "Bearer " + tokenFor(subject, roles));
    }
}
