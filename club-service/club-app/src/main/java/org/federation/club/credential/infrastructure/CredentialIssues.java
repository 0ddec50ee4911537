package org.federation.club.credential.infrastructure;

import org.federation.club.contracts.ClubTopics;
import org.federation.club.credential.domain.CredentialIssue;
import org.federation.club.credential.domain.CredentialIssueRecords;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.springframework.stereotype.Component;

/** Issued credentials in {@code credential-issues} (id = the credential's jti), each with its outbox. */
@Component
public class CredentialIssues implements CredentialIssueRecords {

    static final String COLLECTION = "credential-issues";

    private final AggregateRepository<CredentialIssue, CredentialIssue> issues;

    CredentialIssues(AggregateStore store) {
        this.issues = store.repository(COLLECTION, ClubTopics.CLUB_EVENTS, CredentialIssue.class);
    }

    /** Stores the issue with its event; a credential is handed out only once this write succeeded. */
    @Override
    public void record(Decision<CredentialIssue> issued) {
        issues.create(issued.state().id(), issued);
    }
}
