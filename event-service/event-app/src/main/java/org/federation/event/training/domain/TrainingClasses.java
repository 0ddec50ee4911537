package org.federation.event.training.domain;

import java.util.Optional;
import java.util.function.UnaryOperator;

import org.federation.platform.paging.PageOf;

/** Where training classes are kept: one document per class, changed by version-checked writes. */
public interface TrainingClasses {

    void add(TrainingClass trainingClass);

    /**
     * Applies {@code change} to the current class (again on fresh state after a concurrent update) and
     * stores the result; a change that changes nothing is not written.
     *
     * @throws org.federation.platform.problem.ResourceNotFoundException if there is no such class
     */
    TrainingClass change(String id, UnaryOperator<TrainingClass> change);

    Optional<TrainingClass> find(String id);

    /** The classes this student is enrolled in (not withdrawn from), newest first. */
    PageOf<TrainingClass> ofTrainee(String studentNumber, int page, int size);

    /** Classes newest first, with the total count. */
    PageOf<TrainingClass> newestFirst(int page, int size);
}
