package dev.userconsole.cli;

import dev.userconsole.cli.output.OutputFormat;
import dev.userconsole.cli.output.UserWriter;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.StoredUser;
import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export every user as CSV or JSON Lines, streaming (the table is never held in memory).",
                "Password hashes are left out unless --include-password-hashes is given; that file is then"
                        + " created readable by its owner only. Use jsonl for exact backups: CSV cells are"
                        + " made safe for spreadsheets."})
final class ExportCommand extends UserCommand {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "csv or jsonl (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (which must not exist yet) instead of standard output.")
    Path output;

    @Option(names = "--include-password-hashes", description = "Include the bcrypt hashes (for backups and"
            + " migrations; import reads them back).")
    boolean includeHashes;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "0",
            description = "Parallel scan segments (default: chosen for the database).")
    int segments;

    @Override
    void validateInput() {
        if (format != OutputFormat.CSV && format != OutputFormat.JSONL) {
            throw new ConsoleException(Problem.INVALID_INPUT, "export writes csv or jsonl.");
        }
        Segments.check(segments);
        if (output != null && Files.exists(output)) {
            throw new ConsoleException(Problem.INVALID_INPUT, output + " already exists; choose a new file name.");
        }
    }

    @Override
    int run(UserController users) {
        long total = users.describeTable().map(t -> t.itemCount()).orElse(0L);
        AtomicLong done = new AtomicLong();
        try (PrintWriter out = open(); ProgressBar bar = new ProgressBar(io().err(), io().console() != null,
                "users", done::get, total)) {
            UserWriter writer = format.exportWriter(out, includeHashes);
            int parallel = Segments.choose(segments, users);
            if (includeHashes) {
                try (Stream<StoredUser> all = users.listWithHashes(parallel)) {
                    for (Iterator<StoredUser> it = all.iterator(); it.hasNext(); done.incrementAndGet()) {
                        writer.write(it.next());
                    }
                }
            } else {
                try (Stream<User> all = users.list(parallel)) {
                    for (Iterator<User> it = all.iterator(); it.hasNext(); done.incrementAndGet()) {
                        writer.write(it.next());
                    }
                }
            }
            writer.finish();
        }
        io().err().println("Exported " + done.get() + (done.get() == 1 ? " user" : " users")
                + (output == null ? "." : " to " + output + "."));
        return 0;
    }

    private PrintWriter open() {
        if (output == null) {
            return new PrintWriter(io().out()) {
                @Override
                public void close() {
                    flush(); // standard output stays open
                }
            };
        }
        try {
            if (includeHashes) {
                Files.createFile(output, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(output);
            }
            return new PrintWriter(new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException e) {
            throw new ConsoleException(Problem.INVALID_INPUT, output + " already exists; choose a new file name.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnsupportedOperationException e) {
            throw new ConsoleException(Problem.INVALID_INPUT,
                    "This file system cannot make " + output + " private to its owner; export hashes elsewhere.");
        }
    }
}
