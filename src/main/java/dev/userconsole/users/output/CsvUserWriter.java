package dev.userconsole.users.output;

import dev.userconsole.users.StoredUser;
import dev.userconsole.users.User;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV with a header row; every value goes through {@link CsvCells}, so none runs as a formula.
 */
final class CsvUserWriter implements UserWriter {
    private final CSVPrinter csv;
    private final boolean includeHashes;

    CsvUserWriter(PrintWriter out, boolean includeHashes) {
        this.includeHashes = includeHashes;
        try {
            csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                    .setHeader(Columns.names(includeHashes).toArray(String[]::new)).setRecordSeparator("\n").get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(User user) {
        write(new StoredUser(user, null));
    }

    @Override
    public void write(StoredUser stored) {
        List<String> cells = new ArrayList<>();
        Columns.VALUES.forEach(f -> cells.add(CsvCells.safe(f.apply(stored.user()))));
        cells.add(String.valueOf(stored.user().locked()));
        if (includeHashes) {
            cells.add(stored.passwordHash() == null ? "" : stored.passwordHash());
        }
        try {
            csv.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
