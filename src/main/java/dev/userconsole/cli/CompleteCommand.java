package dev.userconsole.cli;

import dev.userconsole.config.AwsProfiles;
import dev.userconsole.config.ConnectionsFile;
import dev.userconsole.config.Layout;
import dev.userconsole.config.Settings;
import dev.userconsole.users.EmailCache;
import dev.userconsole.users.UserController;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * What the completion script asks while a command line is typed: names it cannot know when it is made.
 * Hidden. Each prints one value a line, those starting with PREFIX, and on any problem prints nothing and
 * exits with 0: completion never writes errors into the shell.
 */
@Command(name = "complete", hidden = true, description = "Values for shell completion (used by the completion script).",
        subcommands = {CompleteCommand.Connections.class, CompleteCommand.Profiles.class, CompleteCommand.Emails.class})
final class CompleteCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(CompleteCommand.class);
    /** The most emails offered at once: more would not help anyone choose. */
    static final int SHOWN_EMAILS = 200;

    @ParentCommand
    UserConsoleCommand root;

    /** Without a subcommand: nothing to complete. */
    @Override
    public Integer call() {
        return 0;
    }

    /** Prints at most {@code limit} of the values starting with the prefix, or nothing if they cannot be had. */
    private int print(String what, String prefix, int limit, Values values) {
        try {
            EmailCache.matching(values.get(), prefix, limit).forEach(root.io().out()::println);
        } catch (RuntimeException | IOException e) {
            LOG.info("No {} to complete: {}", what, e.toString());
        }
        return 0;
    }

    private interface Values {
        List<String> get() throws IOException;
    }

    /** A hidden subcommand's one parameter: what has been typed of the word being completed. */
    abstract static class Prefixed implements Callable<Integer> {
        @ParentCommand
        CompleteCommand complete;

        @Parameters(paramLabel = "PREFIX", arity = "0..1", defaultValue = "", description = "What is typed so far.")
        String prefix;
    }

    @Command(name = "connections", description = "The names in the connections file.")
    static final class Connections extends Prefixed {
        @Override
        public Integer call() {
            return complete.print("connections", prefix, Integer.MAX_VALUE,
                    () -> ConnectionsFile.read(ConnectionsFile.location(complete.root.environment())).names());
        }
    }

    @Command(name = "profiles", description = "The AWS profile names.")
    static final class Profiles extends Prefixed {
        @Override
        public Integer call() {
            return complete.print("profiles", prefix, Integer.MAX_VALUE, () -> AwsProfiles.names(complete.root.environment()));
        }
    }

    /**
     * The table's emails, from a cache under $XDG_CACHE_HOME/user-console/emails that one keys-only read
     * refreshes when it is more than 10 minutes old; at most {@value #SHOWN_EMAILS}.
     */
    @Command(name = "emails", description = "The table's emails, from a cache refreshed every 10 minutes.")
    static final class Emails extends Prefixed {
        @Override
        public Integer call() {
            return complete.print("emails", prefix, SHOWN_EMAILS, () -> {
                Settings settings = complete.root.settings(false);
                EmailCache cache = new EmailCache(Layout.cacheDir(complete.root.environment())
                        .orElseThrow().resolve("emails"), Clock.systemUTC());
                return cache.emails(settings.describeConnection(), max -> {
                    try (UserController users = UserController.open(settings)) {
                        return users.emails(max);
                    }
                });
            });
        }
    }
}
