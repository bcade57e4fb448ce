package dev.userconsole.users;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import file, streaming: CSV with a header row, or JSON Lines (one object per line). Columns
 * or keys: {@code email} (or {@code emailAddress}), {@code firstName}, {@code lastName}, and
 * {@code password} (plaintext) or {@code passwordHash} (bcrypt). Other columns are ignored.
 */
public final class ImportFile implements AutoCloseable, Iterator<ImportRow> {
    public enum Format { CSV, JSONL }

    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> EMAIL_KEYS = Set.of("email", "emailAddress");

    private final Format format;
    private final BufferedReader reader;
    private final CSVParser csv;
    private final Iterator<CSVRecord> records;
    private long jsonLine;
    private ImportRow next;

    private ImportFile(Path path, Format format) throws IOException {
        this.format = format;
        this.reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        if (format == Format.CSV) {
            csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                    .setTrim(false).get().parse(reader);
            Set<String> header = csv.getHeaderMap().keySet();
            boolean hasEmail = header.stream().anyMatch(EMAIL_KEYS::contains);
            boolean hasPassword = header.contains("password") || header.contains("passwordHash");
            if (!hasEmail || !header.contains("firstName") || !header.contains("lastName") || !hasPassword) {
                close();
                throw new ConsoleException(Problem.INVALID_INPUT, "The CSV header must name the columns email,"
                        + " firstName, lastName, and password or passwordHash.");
            }
            records = csv.iterator();
        } else {
            csv = null;
            records = null;
        }
    }

    /** Opens a file; the format comes from {@code format}, else from the extension (.csv, .jsonl, .ndjson). */
    public static ImportFile open(Path path, Format format) {
        Format chosen = format != null ? format : formatOf(path);
        try {
            return new ImportFile(path, chosen);
        } catch (IOException e) {
            throw new ConsoleException(Problem.INVALID_INPUT, "Cannot read " + path + ": " + e.getMessage() + ".", e);
        }
    }

    private static Format formatOf(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        throw new ConsoleException(Problem.INVALID_INPUT,
                "Cannot tell the format of " + path.getFileName() + ": name it .csv or .jsonl, or give --format.");
    }

    /** Rows in the file, for a progress bar: counted in a quick first pass. */
    public static long countRows(Path path, Format format) {
        Format chosen = format != null ? format : formatOf(path);
        try (Stream<String> lines = Files.lines(path, StandardCharsets.UTF_8)) {
            long nonBlank = lines.filter(l -> !l.isBlank()).count();
            return chosen == Format.CSV ? Math.max(0, nonBlank - 1) : nonBlank;
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = format == Format.CSV ? readCsv() : readJson();
        }
        return next != null;
    }

    @Override
    public ImportRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportRow row = next;
        next = null;
        return row;
    }

    private ImportRow readCsv() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            Map<String, String> values = new HashMap<>();
            record.toMap().forEach(values::put);
            return row(record.getRecordNumber() + 1, values);
        } catch (UncheckedIOException | IllegalStateException e) {
            return ImportRow.unreadable(csv.getCurrentLineNumber(), "the CSV is malformed here");
        }
    }

    private ImportRow readJson() {
        try {
            String line;
            do {
                line = reader.readLine();
                jsonLine++;
            } while (line != null && line.isBlank());
            if (line == null) {
                return null;
            }
            return parseJsonLine(jsonLine, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportRow parseJsonLine(long line, String text) {
        Map<String, String> values = new HashMap<>();
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return ImportRow.unreadable(line, "is not a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    values.put(key, parser.getText());
                } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    values.put(key, null);
                } else if (value != JsonToken.VALUE_NULL) {
                    values.put(key, parser.getText());
                }
            }
            if (parser.nextToken() != null) {
                return ImportRow.unreadable(line, "has more than one JSON value");
            }
        } catch (JsonProcessingException e) {
            return ImportRow.unreadable(line, "is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return row(line, values);
    }

    private static ImportRow row(long line, Map<String, String> values) {
        String email = values.get("email") != null ? values.get("email") : values.get("emailAddress");
        return new ImportRow(line, email, values.get("firstName"), values.get("lastName"), emptyToNull(values.get("password")),
                emptyToNull(values.get("passwordHash")), null);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public void close() {
        try {
            if (csv != null) {
                csv.close();
            }
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
