package dev.userconsole.cli;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.UserController;
import dev.userconsole.users.UserExporter;
import dev.userconsole.users.output.OutputFormat;
import dev.userconsole.users.query.Query;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export every user as CSV or JSON Lines, streaming (the table is never held in memory).",
                "Password hashes are left out unless --include-password-hashes is given; that file is then"
                        + " created readable by its owner only. Use jsonl for exact backups: CSV cells are"
                        + " made safe for spreadsheets."})
final class ExportCommand extends UserCommand {
    @Mixin
    LargeScanConfirmation largeScan = new LargeScanConfirmation();

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.FileFormats.class, defaultValue = "jsonl",
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

    @Option(names = "--filter", paramLabel = "QUERY",
            description = "Only the users QUERY keeps (the syntax of list --filter), as in updated:..2023.")
    String filter;

    private Query query = Query.ALL;

    @Override
    void validateInput() {
        if (format != OutputFormat.CSV && format != OutputFormat.JSONL) {
            throw new ConsoleException(Problem.INVALID_INPUT, "export writes csv or jsonl.");
        }
        Segments.check(segments);
        query = Query.parse(filter == null ? "" : filter);
        if (output != null && Files.exists(output)) {
            throw new ConsoleException(Problem.INVALID_INPUT, output + " already exists; choose a new file name.");
        }
    }

    @Override
    int run(UserController users) {
        if (query.exactEmail().isEmpty() && !largeScan.confirmed(io(), users, false)) {
            return 1;
        }
        long total = query.isEmpty() ? users.describeTable().map(t -> t.itemCount()).orElse(0L) : 0;
        AtomicLong done = new AtomicLong();
        UserExporter exporter = new UserExporter(users, format, includeHashes, Segments.choose(segments, users),
                query);
        try (ProgressBar bar = new ProgressBar(io().err(), io().console() != null, "users", done::get, total)
                .throttledWhen(users::throttledRecently)) {
            if (output == null) {
                exporter.export(io().out(), done, () -> false);
            } else {
                exporter.exportTo(output, done, () -> false);
            }
        }
        io().err().println("Exported " + done.get() + (done.get() == 1 ? " user" : " users")
                + (output == null ? "." : " to " + output + "."));
        io().err().println(users.capacityUsed().scanSummary(done.get(), false));
        return 0;
    }
}
