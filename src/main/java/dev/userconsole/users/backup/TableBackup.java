package dev.userconsole.users.backup;

import dev.userconsole.store.DynamoJson;
import dev.userconsole.store.ParallelScan;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Writes every item of the table, every attribute exactly as stored, to a backup file, streaming a
 * (parallel) scan: the table is never held in memory. Reads are strongly consistent, so every write
 * acknowledged before the backup started is in it.
 */
public final class TableBackup {
    private final ParallelScan scan;
    private final String table;

    public TableBackup(ParallelScan scan, String table) {
        this.scan = scan;
        this.table = table;
    }

    /** Writes the backup to {@code file}; {@code done} counts the items as they are written. */
    public long writeTo(Path file, boolean replace, int segments, AtomicLong done) {
        ScanRequest request = ScanRequest.builder().tableName(table).consistentRead(true).build();
        try (BackupFile.Output out = BackupFile.create(file, replace);
             Stream<Map<String, AttributeValue>> items = scan.items(request, segments)) {
            for (Iterator<Map<String, AttributeValue>> it = items.iterator(); it.hasNext(); done.incrementAndGet()) {
                out.writeLine(DynamoJson.write(it.next()));
            }
            out.complete();
        }
        return done.get();
    }
}
