package org.federation.club.credential.infrastructure;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The operators' member-credential key command, {@code /actuator/credentialkeys} on the management
 * port (presidium only, like every operator command):
 * <ul>
 * <li>{@code GET}: the keys, newest first, each with its creation time and whether it signs or
 *     only verifies;</li>
 * <li>{@code POST} (empty body): rotates, answering the new key id and the keys retired to
 *     verifying only (a leaked key, or routine rotation).</li>
 * </ul>
 */
@Component
@Endpoint(id = "credentialkeys")
public class CredentialKeysEndpoint {

    private final CredentialKeys keys;
    private final MongoTemplate mongo;

    CredentialKeysEndpoint(CredentialKeys keys, MongoTemplate mongo) {
        this.keys = keys;
        this.mongo = mongo;
    }

    @ReadOperation
    public Map<String, Object> keys() {
        List<CredentialKeys.StoredKey> stored = mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")),
                CredentialKeys.StoredKey.class, CredentialKeys.COLLECTION);
        // the newest key with its private part signs; every other only verifies
        String signing = stored.stream().filter(k -> k.sealedPrivateJwk() != null).map(CredentialKeys.StoredKey::keyId)
                .findFirst().orElse(null);
        List<Map<String, Object>> listed = stored.stream()
                .map(k -> Map.<String, Object>of("keyId", k.keyId(), "createdAt", k.createdAt().toString(),
                        "use", k.keyId().equals(signing) ? "signs" : "verifies"))
                .toList();
        return Map.of("keys", listed);
    }

    @WriteOperation
    public CredentialKeys.Rotation rotate() {
        return keys.rotate();
    }
}
