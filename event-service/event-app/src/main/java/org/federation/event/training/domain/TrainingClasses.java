package org.federation.event.training.domain;

import java.util.Optional;

import org.federation.platform.domain.Decision;
import java.util.function.UnaryOperator;

import org.federation.platform.paging.PageOf;

/** Where training classes are kept: one document per class, changed by version-checked writes. */
public interface TrainingClasses {

    /** Stores a new class with its event. */
    void add(Decision<TrainingClass> opened);

    /**
     * Applies {@code change} to the current class (again on fresh state after a concurrent update) and
     * stores the result; a change that changes nothing is not written.
     *
     * @throws org.federation.platform.problem.ResourceNotFoundException if there is no such class
     */
    TrainingClass change(String id, UnaryOperator<TrainingClass> change);

    /** As {@link #change}, for a change that others hear of: its events are stored with it (the outbox). */
    TrainingClass decide(String id, java.util.function.Function<TrainingClass, Decision<TrainingClass>> decision);

    Optional<TrainingClass> find(String id);

    /** The classes this student is enrolled in (not withdrawn from), newest first. */
    PageOf<TrainingClass> ofTrainee(String studentNumber, int page, int size);

    /** Classes newest first, with the total count. */
    PageOf<TrainingClass> newestFirst(int page, int size);
}
