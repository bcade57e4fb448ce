package dev.userconsole.users.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.output.TerminalSafeEscapes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends write attempts to a JSON Lines file that several processes may share. The file is opened with
 * O_APPEND and every write call carries only whole lines, so lines from different processes never
 * interleave (on a local file system). A record that cannot be appended goes to the program's log instead.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final TerminalSafeEscapes ESCAPES = new TerminalSafeEscapes();
    /** Longest email kept: the field is user input, and a refused one may be anything. */
    static final int MAX_EMAIL = 320;
    private static final int BATCH_BYTES = 64 * 1024;
    private static final Set<OpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
            StandardOpenOption.WRITE);

    private final Path file;
    private final Where where;
    private FileChannel channel;

    /** Who, on which machine, against which store: the same on every record of a run. */
    public record Where(String osUser, String host, String endpoint, String table) {
    }

    private AuditLog(Path file, Where where) {
        this.file = file;
        this.where = where;
    }

    public static AuditLog to(Path file, String endpoint, String table) {
        return new AuditLog(file, new Where(osUser(), Host.name(), endpoint, table));
    }

    /** "user@host": the OS user and machine every record names (also who locked an account). */
    public static String administrator() {
        return osUser() + "@" + Host.name();
    }

    private static String osUser() {
        return System.getProperty("user.name");
    }

    /** Records nothing: for tools and tests that build a controller by hand. */
    public static AuditLog disabled() {
        return new AuditLog(null, null);
    }

    public Path file() {
        return file;
    }

    /** This log's lines about users of its table, read back: a user's history. */
    public AuditHistory history() {
        return new AuditHistory(file, where == null ? null : where.table());
    }

    /**
     * Opens the file (and its directory) unless it is open; refuses when it cannot, so that no write
     * happens without its record.
     */
    public synchronized void requireWritable() {
        if (file == null || channel != null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, APPEND, ownerOnly());
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw new ConsoleException(Problem.AUDIT_LOG_UNWRITABLE, "The audit log " + file + " cannot be written ("
                    + e.getClass().getSimpleName() + "), so nothing was written; fix its permissions or set AUDIT_LOG"
                    + " to a writable file.", e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    public void append(AuditRecord record) {
        if (file != null) {
            write(encode(List.of(record)));
        }
    }

    /** Collects records (an import's rows) and appends them in large whole-line writes. */
    public Batch batch() {
        return new Batch();
    }

    private byte[] encode(List<AuditRecord> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * records.size());
        try (JsonGenerator json = generator(bytes)) {
            for (AuditRecord record : records) {
                writeRecord(json, record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static JsonGenerator generator(ByteArrayOutputStream bytes) throws IOException {
        JsonGenerator json = JSON.createGenerator(bytes).setCharacterEscapes(ESCAPES);
        json.setRootValueSeparator(null); // each record ends with its own newline
        return json;
    }

    private void writeRecord(JsonGenerator json, AuditRecord record) throws IOException {
        json.writeStartObject();
        json.writeStringField("time", record.time().toString());
        json.writeStringField("user", where.osUser());
        json.writeStringField("host", where.host());
        json.writeStringField("endpoint", where.endpoint());
        json.writeStringField("table", where.table());
        json.writeStringField("action", record.action().code());
        if (record.line() != null) {
            json.writeNumberField("line", record.line());
        }
        if (record.email() != null) {
            json.writeStringField("email", shortened(record.email()));
        }
        json.writeStringField("outcome", record.outcome().code());
        if (record.problem() != null) {
            json.writeStringField("problem", record.problem());
        }
        if (!record.fields().isEmpty()) {
            json.writeArrayFieldStart("fields");
            for (String field : record.fields()) {
                json.writeString(field);
            }
            json.writeEndArray();
        }
        if (!record.counts().isEmpty()) {
            json.writeObjectFieldStart("counts");
            for (Map.Entry<String, Long> count : record.counts().entrySet()) {
                json.writeNumberField(count.getKey(), count.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static String shortened(String email) {
        return email.length() <= MAX_EMAIL ? email : email.substring(0, MAX_EMAIL) + "...";
    }

    /** One write call of whole lines; on failure the lines go to the program log, never nowhere. */
    private synchronized void write(byte[] lines) {
        try {
            requireWritable();
            ByteBuffer buffer = ByteBuffer.wrap(lines);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException | ConsoleException e) {
            LOG.error("Could not append to the audit log {} ({}); the records were: {}", file, e.getMessage(),
                    new String(lines, StandardCharsets.UTF_8).strip());
        }
    }

    /** Buffers encoded records under one lock and appends them 64 KB at a time. */
    public final class Batch implements AutoCloseable {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(BATCH_BYTES * 2);
        private final JsonGenerator json;

        private Batch() {
            try {
                json = generator(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public synchronized void add(AuditRecord record) {
            if (file == null) {
                return;
            }
            try {
                writeRecord(json, record);
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (buffer.size() >= BATCH_BYTES) {
                flush();
            }
        }

        private void flush() {
            if (buffer.size() > 0) {
                write(buffer.toByteArray());
                buffer.reset();
            }
        }

        @Override
        public synchronized void close() {
            flush();
        }
    }
}
