package dev.userconsole.users;

import dev.userconsole.errors.Problem;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How one conditional put of a new item ended. */
public sealed interface PutOutcome {

    /**
     * The item is stored. {@code alreadyStored}: the condition found this exact item already there, written
     * by an earlier attempt whose answer was lost or, for items not unique to this run (a restore), earlier.
     */
    record Written(boolean alreadyStored) implements PutOutcome {
    }

    /** Another item holds the key (or its case twin, see {@link ConditionalPut}); nothing was written. */
    record Existed(Map<String, AttributeValue> stored) implements PutOutcome {
    }

    /** Not written, or, with {@link Problem#OUTCOME_UNKNOWN}, unknown; {@code reason} is one sentence. */
    record Failed(Problem problem, String reason) implements PutOutcome {
    }

    /** Dropped before it was sent: the work was cancelled. */
    record Cancelled() implements PutOutcome {
    }
}
