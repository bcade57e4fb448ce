package dev.userconsole.store;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read and the write {@link Pacer} of one table on one connection, made on first use from what
 * DescribeTable says of its provisioned capacity (on-demand tables, and tables that cannot be described,
 * get pacers that only adapt to throttling).
 */
public final class TablePacers {
    private final Supplier<Optional<TableInfo>> describe;
    private Pacer reads;
    private Pacer writes;
    private boolean described;

    public TablePacers(Supplier<Optional<TableInfo>> describe) {
        this.describe = describe;
    }

    public synchronized Pacer reads() {
        load();
        return reads;
    }

    public synchronized Pacer writes() {
        load();
        return writes;
    }

    /** Whether long work is waiting for throttling to pass, for progress lines. */
    public synchronized boolean throttledRecently() {
        return reads != null && (reads.throttledRecently() || writes.throttledRecently());
    }

    private void load() {
        if (reads != null && described) {
            return;
        }
        Optional<TableInfo> info;
        try {
            info = describe.get();
        } catch (RuntimeException e) {
            info = Optional.empty(); // the work itself will say what is wrong
        }
        // a missing table is asked about again next time: it may have been created since
        described = info.isPresent();
        boolean provisioned = info.map(i -> "PROVISIONED".equals(i.billingMode())).orElse(false);
        reads = provisioned ? Pacer.provisioned(info.get().readCapacity()) : Pacer.unlimited();
        writes = provisioned ? Pacer.provisioned(info.get().writeCapacity()) : Pacer.unlimited();
    }
}
