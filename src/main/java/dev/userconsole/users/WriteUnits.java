package dev.userconsole.users;

import dev.userconsole.store.CapacityMeter;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/** Write capacity units consumed, as the engine reports them (ReturnConsumedCapacity); safe from many threads. */
final class WriteUnits {
    private final DoubleAdder total = new DoubleAdder();
    private final CapacityMeter session;

    WriteUnits() {
        this(new CapacityMeter());
    }

    /** Units counted here are counted in the connection's {@code session} meter too. */
    WriteUnits(CapacityMeter session) {
        this.session = session;
    }

    void add(ConsumedCapacity consumed) {
        if (consumed != null && consumed.capacityUnits() != null) {
            total.add(consumed.capacityUnits());
            session.wrote(consumed.capacityUnits());
        }
    }

    double total() {
        return total.sum();
    }
}
