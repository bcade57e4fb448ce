package dev.userconsole.users;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.output.OutputFormat;
import dev.userconsole.users.output.PrivateFiles;
import dev.userconsole.users.output.UserWriter;
import dev.userconsole.users.query.Query;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Streams every user (or those a query keeps) to CSV or JSON Lines, page by page, counting as it goes. With hashes, a new file is
 * created readable by its owner only, before anything is written to it.
 */
public final class UserExporter {
    private final UserController users;
    private final OutputFormat format;
    private final boolean includeHashes;
    private final int segments;
    private final Query query;
    private final List<String> emails;

    public UserExporter(UserController users, OutputFormat format, boolean includeHashes, int segments) {
        this(users, format, includeHashes, segments, Query.ALL);
    }

    /** @param query which users: those it keeps */
    public UserExporter(UserController users, OutputFormat format, boolean includeHashes, int segments, Query query) {
        this(users, format, includeHashes, segments, query, null);
    }

    /** The users with these emails, each looked up by its key (no scan); those missing are left out. */
    public static UserExporter ofEmails(UserController users, OutputFormat format, boolean includeHashes,
                                        List<String> emails) {
        return new UserExporter(users, format, includeHashes, 1, Query.ALL, List.copyOf(emails));
    }

    private UserExporter(UserController users, OutputFormat format, boolean includeHashes, int segments, Query query,
                         List<String> emails) {
        if (format != OutputFormat.CSV && format != OutputFormat.JSONL) {
            throw new ConsoleException(Problem.INVALID_INPUT, "Export writes csv or jsonl.");
        }
        this.users = users;
        this.format = format;
        this.includeHashes = includeHashes;
        this.segments = segments;
        this.query = query;
        this.emails = emails;
    }

    /** Writes to {@code out}; returns the number of users written, or stops early when cancelled. */
    public long export(PrintWriter out, AtomicLong done, BooleanSupplier cancelled) {
        UserWriter writer = format.exportWriter(out, includeHashes);
        try (Stream<?> all = source()) {
            for (Iterator<?> it = all.iterator(); it.hasNext() && !cancelled.getAsBoolean(); done.incrementAndGet()) {
                Object next = it.next();
                if (next instanceof StoredUser stored) {
                    writer.write(stored);
                } else {
                    writer.write((User) next);
                }
            }
        }
        writer.finish();
        out.flush();
        return done.get();
    }

    private Stream<?> source() {
        if (emails != null) {
            Stream<StoredUser> found = users.findWithHashes(emails);
            return includeHashes ? found : found.map(StoredUser::user);
        }
        return includeHashes ? users.listWithHashes(query, segments) : users.list(query, segments);
    }

    /** Creates {@code file} (which must not exist) and exports into it. */
    public long exportTo(Path file, AtomicLong done, BooleanSupplier cancelled) {
        try (PrintWriter out = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(create(file)),
                StandardCharsets.UTF_8))) {
            return export(out, done, cancelled);
        } catch (IOException e) {
            throw new ConsoleException(Problem.INVALID_INPUT, "Cannot write " + file + ": " + e.getMessage() + ".", e);
        }
    }

    private Path create(Path file) throws IOException {
        try {
            if (includeHashes) {
                return Files.createFile(file, PrivateFiles.OWNER_ONLY);
            }
            return Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new ConsoleException(Problem.INVALID_INPUT, file + " already exists; choose a new file name.");
        } catch (UnsupportedOperationException e) {
            throw new ConsoleException(Problem.INVALID_INPUT,
                    "This file system cannot make " + file + " private to its owner; export hashes elsewhere.");
        }
    }
}
