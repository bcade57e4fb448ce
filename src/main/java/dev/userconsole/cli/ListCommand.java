package dev.userconsole.cli;

import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import dev.userconsole.users.output.OutputFormat;
import dev.userconsole.users.output.UserWriter;
import dev.userconsole.users.query.Query;
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

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.UserFormats.class, defaultValue = "table",
            description = "table, json, jsonl or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "0",
            description = "Parallel scan segments (default: chosen for the database). Order is then not kept.")
    int segments;

    @Option(names = "--filter", paramLabel = "QUERY",
            description = "Only the users QUERY keeps: words (in the email or a name, ignoring case), \"phrases\","
                    + " email:, first:, last:, domain:, created: and updated: (>=2026-01-01, 2026-01..2026-03),"
                    + " locked:yes|no, hash:weak|invalid|locked|ok, -term, OR between groups, ( ). A whole"
                    + " address (email:ada@example.com) is looked up by key, never scanned.")
    String filter;

    private Query query = Query.ALL;

    @Override
    void validateInput() {
        Segments.check(segments);
        query = Query.parse(filter == null ? "" : filter);
    }

    @Override
    int run(UserController users) {
        boolean lookup = query.exactEmail().isPresent();
        if (!lookup && !largeScan.confirmed(io(), users, false)) {
            return 1;
        }
        long count = 0;
        try (Stream<User> all = users.list(query, Segments.choose(segments, users))) {
            Iterator<User> it = all.iterator();
            it.hasNext(); // fetch the first page before writing anything, so an unusable table prints no header
            UserWriter writer = format.writer(io().out(), false);
            for (; it.hasNext(); count++) {
                writer.write(it.next());
            }
            writer.finish();
        }
        io().err().println(count == 1 ? "1 user." : count + " users.");
        io().err().println(lookup ? "Looked up by key, no scan." : users.capacityUsed().scanSummary(count, false));
        return 0;
    }
}
