package dev.userconsole.cli;

import dev.userconsole.users.UserController;
import dev.userconsole.users.backup.BackupFile;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write every item of the table, every attribute exactly as stored (password hashes"
                + " included), to a new file readable by its owner only.",
                "Format: DynamoDB JSON, one {\"Item\":{...}} per line, as DynamoDB's export to S3 writes it;"
                        + " gzip when FILE ends in .gz. restore FILE puts it back."})
final class BackupCommand extends UserCommand {
    @Mixin
    LargeScanConfirmation largeScan = new LargeScanConfirmation();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The backup file (never standard output: it holds password hashes).")
    Path output;

    @Option(names = "--force", description = "Replace FILE if it exists (only once the new backup is complete).")
    boolean force;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "0",
            description = "Parallel scan segments (default: chosen for the database).")
    int segments;

    @Override
    void validateInput() {
        Segments.check(segments);
        BackupFile.checkNew(output, force);
    }

    @Override
    int run(UserController users) {
        if (!largeScan.confirmed(io(), users, true)) {
            return 1;
        }
        long total = users.describeTable().map(t -> t.itemCount()).orElse(0L);
        AtomicLong done = new AtomicLong();
        try (ProgressBar bar = new ProgressBar(io().err(), io().console() != null, "items", done::get, total)
                .throttledWhen(users::throttledRecently)) {
            users.backup(output, force, Segments.choose(segments, users), done);
        }
        io().err().println("Backed up " + done.get() + (done.get() == 1 ? " item" : " items") + " to " + output + ".");
        return 0;
    }
}
