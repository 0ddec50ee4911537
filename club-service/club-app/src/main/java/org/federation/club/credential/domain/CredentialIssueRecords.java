package org.federation.club.credential.domain;

import org.federation.platform.domain.Decision;

/** Where issued credentials are kept, each with its event in one write (a port; MongoDB in infrastructure). */
public interface CredentialIssueRecords {

    /** Stores the issue with its event; a credential is handed out only once this write succeeded. */
    void record(Decision<CredentialIssue> issued);
}
