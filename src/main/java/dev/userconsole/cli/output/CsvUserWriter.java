package dev.userconsole.cli.output;

import dev.userconsole.text.VisibleText;
import dev.userconsole.users.User;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV with a header row. Values that a spreadsheet would run as a formula (starting with
 * {@code = + - @}) get a leading apostrophe, as OWASP recommends against CSV injection.
 */
final class CsvUserWriter implements UserWriter {
    private final CSVPrinter csv;

    CsvUserWriter(PrintWriter out) {
        try {
            csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                    .setHeader(Columns.NAMES.toArray(String[]::new)).setRecordSeparator("\n").get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(User user) {
        try {
            csv.printRecord(Columns.VALUES.stream().map(f -> cell(f.apply(user))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(String value) {
        String visible = VisibleText.of(value);
        return !visible.isEmpty() && "=+-@".indexOf(visible.charAt(0)) >= 0 ? "'" + visible : visible;
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
