package dev.userconsole.cli;

import dev.userconsole.users.TrashEntry;
import dev.userconsole.users.UserController;
import dev.userconsole.users.output.TrashWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "trash", mixinStandardHelpOptions = true,
        description = "List the deleted users the trash keeps, newest first: who deleted them, when, and until when"
                + " the trash keeps them. Never a password hash. undelete puts one back.")
final class TrashCommand extends UserCommand {
    enum Format { TABLE, JSONL }

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.TrashFormats.class, defaultValue = "table",
            description = "table or jsonl (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    int run(UserController users) {
        List<TrashEntry> entries = users.trashEntries();
        if (format == Format.TABLE) {
            TrashWriter.table(io().out(), entries);
        } else {
            TrashWriter.jsonLines(io().out(), entries);
        }
        io().err().println((entries.size() == 1 ? "1 deleted user" : entries.size() + " deleted users")
                + " in the trash table " + users.trashTableName() + ".");
        return 0;
    }
}
