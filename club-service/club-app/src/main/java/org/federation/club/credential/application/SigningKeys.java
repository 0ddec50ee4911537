package org.federation.club.credential.application;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.ECKey;

/**
 * The keys member credentials are signed with (a port; sealed at rest in infrastructure, each new key
 * published on {@code club.events}).
 */
public interface SigningKeys {

    /** The private key new credentials are signed with: the newest, created and published on first use. */
    ECKey signingKey();

    /** Every published public key, oldest first: each still verifies what it signed. */
    List<Map<String, Object>> publicKeys();

    /** A published public key by id, or null. */
    Map<String, Object> publicKey(String keyId);
}
