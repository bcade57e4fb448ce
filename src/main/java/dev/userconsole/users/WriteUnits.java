package dev.userconsole.users;

import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/** Write capacity units consumed, as the engine reports them (ReturnConsumedCapacity); safe from many threads. */
final class WriteUnits {
    private final DoubleAdder total = new DoubleAdder();

    void add(ConsumedCapacity consumed) {
        if (consumed != null && consumed.capacityUnits() != null) {
            total.add(consumed.capacityUnits());
        }
    }

    double total() {
        return total.sum();
    }
}
