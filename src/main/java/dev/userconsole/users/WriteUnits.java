package dev.userconsole.users;

import dev.userconsole.store.CapacityMeter;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Write capacity units consumed, as the engine reports them (ReturnConsumedCapacity), and the units of the
 * reads bulk writes make to check what is stored; safe from many threads.
 */
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

    /** A read made on the way (a check of what is stored): counted in the session's read units only. */
    void read(ConsumedCapacity consumed) {
        if (consumed != null && consumed.capacityUnits() != null) {
            session.read(consumed.capacityUnits());
        }
    }

    double total() {
        return total.sum();
    }
}
