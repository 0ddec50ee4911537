package org.federation.club.evaluation.domain;

import java.util.List;
import java.util.Optional;

/** Where evaluations are kept; publishing stores the {@code evaluation-published} event with it. */
public interface ClubEvaluations {

    /** Stores a draft, replacing an earlier draft; a published one is never replaced. */
    void saveDraft(ClubEvaluation draft);

    /** Publishes the draft (see {@link ClubEvaluation#publish}); 409 with criteria pending unless said so. */
    ClubEvaluation publish(String id, String actor, java.time.Instant now, java.time.Instant registrationDeadline,
                           boolean despitePending);

    Optional<ClubEvaluation> find(String id);

    List<ClubEvaluation> ofClub(String clubId);
}
