package dev.userconsole.cli;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.ImportFile;
import dev.userconsole.users.ImportProgress;
import dev.userconsole.users.ImportReport;
import dev.userconsole.users.UserController;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import dev.userconsole.users.audit.WriteAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import users from CSV (with a header row) or JSON Lines.",
                "Columns: email, firstName, lastName, and password (hashed here, on every core) or passwordHash"
                        + " (bcrypt, for migrations). Existing emails are never overwritten. Re-running an"
                        + " interrupted import finishes it without duplicates."})
final class ImportCommand extends UserCommand {
    @Parameters(paramLabel = "FILE", description = "The file to import (.csv, .jsonl or .ndjson).")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.FileFormats.class, description = "csv or jsonl (default: from the file name).")
    ImportFile.Format format;

    @Option(names = "--on-existing", paramLabel = "skip|fail", completionCandidates = Candidates.OnExisting.class, defaultValue = "skip",
            description = "An email that already exists is skipped (reported, exit 0) or a failure (exit 1)."
                    + " Default: ${DEFAULT-VALUE}.")
    OnExisting onExisting;

    enum OnExisting { SKIP, FAIL }

    @Override
    void validateInput() {
        if (!Files.isReadable(file)) {
            throw new ConsoleException(Problem.INVALID_INPUT, "Cannot read " + file + ".");
        }
        ImportFile.open(file, format).close(); // checks the format and the CSV header before connecting
    }

    @Override
    int run(UserController users) {
        ImportProgress progress = new ImportProgress(ImportFile.countRows(file, format));
        ImportReport report;
        try (ImportFile rows = ImportFile.open(file, format);
             ProgressBar bar = new ProgressBar(io().err(), io().console() != null, "rows", progress::done,
                     progress.total())
                     .throttledWhen(users::throttledRecently)) {
            report = users.importUsers(rows, onExisting == OnExisting.FAIL, progress);
        }
        for (ImportReport.RowProblem problem : report.problems()) {
            io().err().println("line " + problem.line() + (problem.email() == null ? "" : " ("
                    + VisibleText.of(problem.email()) + ")") + ": " + problem.reason());
        }
        io().err().printf("Imported %d, skipped %d (already existed), invalid %d, failed %d.%n",
                report.imported(), report.skipped(), report.invalid(), report.failed());
        if (report.writeUnits() > 0) {
            io().err().printf(Locale.ROOT, "Write capacity units consumed: %.1f.%n", report.writeUnits());
        }
        if (report.cancelled() > 0) {
            io().err().printf("Cancelled: %d rows read were not written.%n", report.cancelled());
        }
        if (report.invalid() > 0) {
            return 2;
        }
        return report.failed() > 0 ? 1 : 0;
    }

    @Override
    WriteAction writes() {
        return WriteAction.IMPORT;
    }
}
