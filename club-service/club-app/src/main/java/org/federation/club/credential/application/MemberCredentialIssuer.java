package org.federation.club.credential.application;

import org.federation.platform.domain.BusinessClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.federation.club.contracts.MemberCredentials;
import org.federation.club.credential.domain.CredentialIssue;
import org.federation.club.credential.domain.CredentialIssueRecords;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubState;
import org.federation.club.registry.domain.Clubs;
import org.federation.club.registry.domain.Leader;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issues member credentials to a club's own people and verifies them the way any other service
 * does offline ({@link MemberCredentials}), with club-service's own keys and membership history.
 */
@Service
public class MemberCredentialIssuer {

    private final Clubs clubs;
    private final SigningKeys keys;
    private final CredentialIssueRecords issues;
    private final BusinessClock clock;
    private final Duration validity;

    MemberCredentialIssuer(Clubs clubs, SigningKeys keys, CredentialIssueRecords issues, BusinessClock clock,
                           @Value("${federation.clubs.credential-validity:P180D}") Duration validity) {
        this.clubs = clubs;
        this.keys = keys;
        this.issues = issues;
        this.clock = clock;
        this.validity = validity;
    }

    /** A signed credential. */
    public record IssuedCredential(String credential, String keyId, String clubId, String role, Instant validUntil) {
    }

    /**
     * Every published public key (JWK maps), oldest first: what a verifier without Kafka needs, the
     * retired keys too, since they verify what they signed until it expires.
     */
    public java.util.List<java.util.Map<String, Object>> publishedKeys() {
        return keys.publicKeys();
    }

    /** The caller's credential for a club they lead or belong to. */
    public IssuedCredential issueFor(String clubId, Caller caller) {
        Club club = clubs.find(clubId).orElseThrow(() -> new ResourceNotFoundException("club", clubId));
        if (!club.includes(caller.subject())) {
            throw new ForbiddenException("only club " + clubId + "'s members and leaders hold its member credential");
        }
        if (club.state() != ClubState.ACTIVE && club.state() != ClubState.UNREGISTERED) {
            throw new IllegalTransitionException("issuing a member credential of club " + clubId, club.state().value(),
                    club.allowedActions());
        }
        String role = club.leaders().stream().filter(l -> l.studentNumber().equals(caller.subject()))
                .map(Leader::role).findFirst().orElse("member");
        Instant now = clock.instant();
        Instant until = now.plus(validity);
        ECKey key = keys.signingKey();
        String credentialId = UUID.randomUUID().toString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(MemberCredentials.ISSUER).subject(caller.subject())
                .claim(MemberCredentials.CLUB, clubId).claim(MemberCredentials.CLUB_NAME, club.name())
                .claim(MemberCredentials.ROLE, role).issueTime(Date.from(now)).expirationTime(Date.from(until))
                .jwtID(credentialId).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a member credential", e);
        }
        // recorded (with its event) before it is handed out: no credential exists that the history lacks
        issues.record(CredentialIssue.issued(credentialId, clubId, caller.subject(), role, key.getKeyID(), now, until));
        return new IssuedCredential(jwt.serialize(), key.getKeyID(), clubId, role, until);
    }

    /** Verifies a credential as an offline verifier would, with this service's keys and membership history. */
    public MemberCredentials.Verification verify(String credential) {
        return MemberCredentials.verify(credential, keys::publicKey, (clubId, student) -> clubs.find(clubId)
                .map(club -> club.memberships().lastLeft(student)).orElse(null), clock.instant());
    }
}
