package org.federation.platform.problem;

import java.util.List;

/**
 * A batch (a CSV file, a list) was refused as a whole because some of its entries break the
 * rules (HTTP 422); {@code rejected} says which entries and why, so the sender fixes them all at
 * once. Nothing of the batch was applied.
 */
public class RejectedEntriesException extends RuntimeException {

    private final transient List<?> rejected;

    public RejectedEntriesException(String message, List<?> rejected) {
        super(message);
        this.rejected = List.copyOf(rejected);
    }

    public List<?> rejected() {
        return rejected;
    }
}
