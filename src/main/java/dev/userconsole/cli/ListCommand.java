package dev.userconsole.cli;

import dev.userconsole.users.output.OutputFormat;
import dev.userconsole.users.output.UserWriter;
import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import dev.userconsole.users.UserFilter;
import java.util.Iterator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every user (all pages, streamed). Password hashes are never shown.")
final class ListCommand extends UserCommand {
    @Mixin
    LargeScanConfirmation largeScan = new LargeScanConfirmation();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, jsonl or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "0",
            description = "Parallel scan segments (default: chosen for the database). Order is then not kept.")
    int segments;

    @Option(names = "--filter", paramLabel = "TEXT",
            description = "Only users whose email, first or last name contains TEXT, ignoring case.")
    String filter;

    @Override
    void validateInput() {
        Segments.check(segments);
    }

    @Override
    int run(UserController users) {
        if (!largeScan.confirmed(io(), users, false)) {
            return 1;
        }
        long count = 0;
        UserFilter wanted = UserFilter.of(filter == null ? "" : filter);
        try (Stream<User> all = users.list(Segments.choose(segments, users))) {
            Iterator<User> it = (wanted.isEmpty() ? all : all.filter(wanted::matches)).iterator();
            it.hasNext(); // fetch the first page before writing anything, so an unusable table prints no header
            UserWriter writer = format.writer(io().out(), false);
            for (; it.hasNext(); count++) {
                writer.write(it.next());
            }
            writer.finish();
        }
        io().err().println(count == 1 ? "1 user." : count + " users.");
        io().err().println(users.capacityUsed().scanSummary(count, false));
        return 0;
    }
}
