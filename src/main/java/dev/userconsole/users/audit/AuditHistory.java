package dev.userconsole.users.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A user's history from the audit log: its lines about that user, newest first. The file is read backwards
 * from its end in blocks and reading stops once enough lines are found, so a year of audit lines costs only
 * the tail that holds them. Lines that are not whole JSON records (one a concurrent writer is still
 * appending, a damaged one) are skipped.
 *
 * <p>A line is the user's when it is about the same table and its email, trimmed and lower-cased, is the
 * user's key trimmed and lower-cased: the log keeps emails as they were typed ({@code Ann@Example.com } for
 * the user stored as {@code ann@example.com}), and the console writes the stored key. Case twins (keys that
 * differ only in case) therefore share one history. Emails the log shortened match by their kept start.
 */
public final class AuditHistory {
    /** Bytes read from the file at a time. */
    static final int BLOCK = 64 * 1024;
    /** No record is this long: a longer run without a line break is skipped, not held in memory. */
    static final int MAX_LINE = 1024 * 1024;
    private static final JsonFactory JSON = new JsonFactory();
    private static final String SHORTENED = "...";

    private final Path file;
    private final String table;

    /**
     * @param file  the audit log, or {@code null} when none is kept
     * @param table only lines about this table count, or any table when {@code null}
     */
    public AuditHistory(Path file, String table) {
        this.file = file;
        this.table = table;
    }

    /**
     * @param entries   newest first
     * @param wholeLog  whether the log was read to its start (else the limit was reached first)
     * @param bytesRead bytes read from the file
     * @param file      the audit log read, or {@code null} when none is kept
     */
    public record Found(List<AuditEntry> entries, boolean wholeLog, long bytesRead, Path file) {
    }

    /** At most {@code limit} entries about {@code email}, newest first. */
    public Found find(String email, int limit) {
        if (file == null) {
            return new Found(List.of(), true, 0, null);
        }
        String wanted = normalised(email);
        List<AuditEntry> entries = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Reader reader = new Reader(channel, line -> {
                AuditEntry entry = parse(line);
                if (entry != null && isAbout(entry, wanted)) {
                    entries.add(entry);
                }
                return entries.size() < limit;
            });
            boolean whole = reader.run();
            return new Found(List.copyOf(entries), whole, reader.bytesRead, file);
        } catch (NoSuchFileException e) {
            return new Found(List.of(), true, 0, file);
        } catch (IOException | SecurityException e) {
            throw new ConsoleException(Problem.AUDIT_LOG_UNREADABLE, "The audit log " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "); check its permissions, or set AUDIT_LOG to the log to read.",
                    e);
        }
    }

    private boolean isAbout(AuditEntry entry, String wanted) {
        if (entry.email() == null || (table != null && !table.equals(entry.table()))) {
            return false;
        }
        String email = entry.email();
        if (email.length() == AuditLog.MAX_EMAIL + SHORTENED.length() && email.endsWith(SHORTENED)) {
            return wanted.startsWith(normalised(email.substring(0, AuditLog.MAX_EMAIL)))
                    || normalised(email).equals(wanted);
        }
        return normalised(email).equals(wanted);
    }

    private static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The record a line holds, or {@code null} when it is not one whole JSON object. */
    static AuditEntry parse(byte[] line) {
        try (JsonParser json = JSON.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String time = null, user = null, host = null, endpoint = null, table = null, action = null,
                    email = null, outcome = null, problem = null;
            Long number = null;
            List<String> fields = new ArrayList<>();
            for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                switch (name) {
                    case "time" -> time = text(json, value);
                    case "user" -> user = text(json, value);
                    case "host" -> host = text(json, value);
                    case "endpoint" -> endpoint = text(json, value);
                    case "table" -> table = text(json, value);
                    case "action" -> action = text(json, value);
                    case "email" -> email = text(json, value);
                    case "outcome" -> outcome = text(json, value);
                    case "problem" -> problem = text(json, value);
                    case "line" -> number = value == JsonToken.VALUE_NUMBER_INT ? json.getLongValue() : null;
                    case "fields" -> {
                        if (value == JsonToken.START_ARRAY) {
                            for (JsonToken f = json.nextToken(); f != JsonToken.END_ARRAY; f = json.nextToken()) {
                                String field = text(json, f);
                                if (field != null) {
                                    fields.add(field);
                                } else {
                                    json.skipChildren();
                                }
                            }
                        }
                    }
                    default -> json.skipChildren();
                }
            }
            if (json.nextToken() != null || time == null || action == null || outcome == null) {
                return null;
            }
            return new AuditEntry(time, user, host, endpoint, table, action, email, number, outcome, problem,
                    List.copyOf(fields));
        } catch (IOException e) {
            // a line being written, cut by a crash, or not a record at all
            return null;
        }
    }

    private static String text(JsonParser json, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return json.getText();
        }
        json.skipChildren();
        return null;
    }

    /** Told each line, newest first; answers whether to go on. */
    private interface LineHandler {
        boolean take(byte[] line);
    }

    /** Splits the file into lines from its end backwards, one block at a time. */
    private static final class Reader {
        private final FileChannel channel;
        private final LineHandler handler;
        private long bytesRead;
        /** The end of the line whose start is in an earlier block (read next), newest part last. */
        private byte[] carry = new byte[0];
        /** The line being assembled is longer than any record: it is dropped when its start is found. */
        private boolean overlong;

        Reader(FileChannel channel, LineHandler handler) {
            this.channel = channel;
            this.handler = handler;
        }

        /** @return whether the whole file was read (no handler asked to stop) */
        boolean run() throws IOException {
            long position = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
            while (position > 0) {
                int length = (int) Math.min(BLOCK, position);
                position -= length;
                buffer.clear().limit(length);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw new IOException("the file became shorter while it was read");
                    }
                }
                bytesRead += length;
                byte[] block = buffer.array();
                int end = length;
                for (int i = length - 1; i >= 0; i--) {
                    if (block[i] == '\n') {
                        if (!emit(block, i + 1, end)) {
                            return false;
                        }
                        end = i;
                    }
                }
                keep(block, end);
            }
            return emit(new byte[0], 0, 0);
        }

        /** The line made of {@code block[from, to)} and the carried bytes after it. */
        private boolean emit(byte[] block, int from, int to) {
            byte[] line;
            if (carry.length == 0) {
                line = Arrays.copyOfRange(block, from, to);
            } else {
                ByteArrayOutputStream joined = new ByteArrayOutputStream(to - from + carry.length);
                joined.write(block, from, to - from);
                joined.writeBytes(carry);
                line = joined.toByteArray();
            }
            boolean skip = overlong || line.length == 0;
            carry = new byte[0];
            overlong = false;
            return skip || handler.take(line);
        }

        /** Keeps {@code block[0, end)}, the end of a line that starts in an earlier block. */
        private void keep(byte[] block, int end) {
            if (overlong) {
                return;
            }
            if ((long) end + carry.length > MAX_LINE) {
                overlong = true;
                carry = new byte[0];
                return;
            }
            byte[] joined = new byte[end + carry.length];
            System.arraycopy(block, 0, joined, 0, end);
            System.arraycopy(carry, 0, joined, end, carry.length);
            carry = joined;
        }
    }
}
