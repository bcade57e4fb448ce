package dev.userconsole.cli;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.ImportProgress;
import dev.userconsole.users.ImportReport;
import dev.userconsole.users.UserController;
import dev.userconsole.users.audit.WriteAction;
import dev.userconsole.users.backup.BackupFile;
import dev.userconsole.users.backup.RestoreReport;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Put the items of a backup (DynamoDB JSON, one {\"Item\":{...}} per line; gzip when FILE"
                + " ends in .gz) back into the table, exactly as they are in the file.",
                "An existing item is never overwritten: one stored exactly as in the backup counts as already"
                        + " there, a different one is a conflict and kept. Re-running an interrupted restore"
                        + " finishes it."})
final class RestoreCommand extends UserCommand {
    @Parameters(paramLabel = "FILE", description = "The backup file (from backup, or a DynamoDB export to S3).")
    Path file;

    @Override
    void validateInput() {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConsoleException(Problem.INVALID_INPUT, "Cannot read " + file + ".");
        }
        BackupFile.open(file).close(); // a .gz that is not gzip is said before connecting
    }

    @Override
    int run(UserController users) {
        ImportProgress progress = new ImportProgress(BackupFile.countLines(file));
        RestoreReport report;
        try (BackupFile.Lines lines = BackupFile.open(file);
             ProgressBar bar = new ProgressBar(io().err(), io().console() != null, "items", progress::done,
                     progress.total())
                     .throttledWhen(users::throttledRecently)) {
            report = users.restore(lines, progress);
        }
        for (ImportReport.RowProblem problem : report.problems()) {
            io().err().println("line " + problem.line() + (problem.email() == null ? "" : " (" + problem.email() + ")")
                    + ": " + problem.reason());
        }
        io().err().printf("Restored %d, already there %d, conflicts %d (kept), invalid %d, failed %d.%n",
                report.restored(), report.alreadyThere(), report.conflicts(), report.invalid(), report.failed());
        if (report.invalid() > 0) {
            return 2;
        }
        return report.conflicts() > 0 || report.failed() > 0 ? 1 : 0;
    }

    @Override
    WriteAction writes() {
        return WriteAction.RESTORE;
    }
}
