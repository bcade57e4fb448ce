package dev.userconsole.cli;

import dev.userconsole.config.Options;
import dev.userconsole.config.Settings;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.FileNames;
import dev.userconsole.users.UserController;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The scriptable face: {@code user-console [global options] COMMAND [options]}. */
@Command(name = "user-console", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Manage the user accounts stored in a DynamoDB table.",
                "Without a command, opens the full-screen console."},
        subcommands = {CreateTableCommand.class, DescribeTableCommand.class, InsertCommand.class,
                ListCommand.class, GetCommand.class, HistoryCommand.class, UpdateCommand.class, DeleteCommand.class,
                TrashCommand.class, UndeleteCommand.class,
                CheckPasswordCommand.class, LockCommand.class, UnlockCommand.class, ResetPasswordCommand.class,
                ImportCommand.class, ExportCommand.class, BackupCommand.class,
                RestoreCommand.class, ServeCommand.class, DoctorCommand.class, CompletionCommand.class,
                ManpageCommand.class, CompleteCommand.class},
        footer = {"", ManPage.EXIT_CODES + "0 done; 1 refused (not found, already exists, changed by someone else,"
                + " password does not match, read-only mode); 2 invalid input or usage; 3 cannot use the database"
                + " or the audit log; 4 a write's outcome is unknown (its answer was lost and it could not be checked)."})
public final class UserConsoleCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(UserConsoleCommand.class);

    @Option(names = "--connection", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "A connection from the connections file (else USER_CONSOLE_CONNECTION); options typed"
                    + " here win over its values.")
    String connection;

    @Option(names = "--write", scope = ScopeType.INHERIT,
            description = "Allow writes on a production connection, which otherwise opens read-only.")
    boolean write;

    @Option(names = "--endpoint", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "DynamoDB endpoint URL (else AWS_ENDPOINT_URL_DYNAMODB or AWS_ENDPOINT_URL).")
    String endpoint;

    @Option(names = "--region", paramLabel = "REGION", scope = ScopeType.INHERIT,
            description = "AWS region (else AWS_REGION or the profile's region).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "AWS profile for credentials and region (else AWS_PROFILE).")
    String profile;

    @Option(names = "--table", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Table name (else USERS_TABLE, default User).")
    String table;

    @Option(names = "--embedded", scope = ScopeType.INHERIT,
            description = "Use the embedded database even if an endpoint or region is configured.")
    boolean embedded;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory of the embedded database (else DATA_DIR; default data/, or"
                    + " ~/.local/share/user-console when installed).")
    Path dataDir;

    @Option(names = "--read-only", scope = ScopeType.INHERIT,
            description = "Refuse every write (insert, update, delete, create-table, import, restore, doctor --fix,"
                    + " serve); else READ_ONLY.")
    boolean readOnly;

    @Option(names = "--audit-log", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "File every write attempt is appended to (else AUDIT_LOG; default logs/audit.jsonl, or"
                    + " ~/.local/state/user-console/audit.jsonl when installed).")
    Path auditLog;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Say where the command is connected before running it.")
    boolean verbose;

    private final Function<Options, Settings> settings;
    private final Io io;
    private final Function<Settings, Integer> console;
    private final Map<String, String> environment;

    /**
     * @param console opens the full-screen console (given by the caller: this face does not know the other)
     */
    public UserConsoleCommand(Function<Options, Settings> settings, Io io, Function<Settings, Integer> console) {
        this(settings, io, console, System.getenv());
    }

    /** @param environment where completion finds the connections file, the AWS profiles and its cache */
    public UserConsoleCommand(Function<Options, Settings> settings, Io io, Function<Settings, Integer> console,
                              Map<String, String> environment) {
        this.settings = settings;
        this.io = io;
        this.console = console;
        this.environment = environment;
    }

    /** Parses and runs one command line in this process's environment; returns the exit code. */
    public static int run(String[] args, Function<Options, Settings> settings, Io io,
                          Function<Settings, Integer> console) {
        return run(args, settings, io, console, System.getenv());
    }

    /** Parses and runs one command line; returns the exit code. */
    public static int run(String[] args, Function<Options, Settings> settings, Io io,
                          Function<Settings, Integer> console, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new UserConsoleCommand(settings, io, console, environment))
                .setOut(io.out())
                .setErr(io.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(Path.class, UserConsoleCommand::path)
                .setParameterExceptionHandler(new UsageErrors(io.err()))
                .setExecutionExceptionHandler((e, cmd, parsed) -> report(e, io));
        try {
            return commandLine.execute(args);
        } finally {
            io.out().flush();
            io.err().flush();
        }
    }

    /** A file name argument; picocli's own message for one the locale cannot encode would repeat it. */
    private static Path path(String name) {
        try {
            return FileNames.of(name, "file name");
        } catch (InvalidInputException e) {
            throw new CommandLine.TypeConversionException(e.reason());
        }
    }

    private static int report(Exception e, Io io) {
        if (e instanceof ConsoleException known) {
            LOG.info("{}: {}", known.problem(), known.getMessage());
            io.err().println("error: " + known.getMessage());
            return known.exitCode();
        }
        LOG.error("Unexpected failure", e);
        io.err().println("error: something unexpected went wrong (" + e.getClass().getSimpleName()
                + "); the details are in the log file.");
        return Problem.DATABASE_ERROR.outcome().exitCode();
    }

    /** No command: the full-screen console, with the global options applied. */
    @Override
    public Integer call() {
        return console.apply(settings(false));
    }

    Io io() {
        return io;
    }

    Map<String, String> environment() {
        return environment;
    }

    Settings settings(boolean forceEmbedded) {
        return settings.apply(new Options(endpoint, table, embedded || forceEmbedded, dataDir, region, profile,
                readOnly, auditLog, connection, write));
    }

    /** Opens the controller for the configured database, saying where first when asked to. */
    UserController connect() {
        Settings resolved = settings(false);
        if (verbose) {
            io.err().println("Using " + resolved.describeConnection() + ".");
        }
        return UserController.open(resolved, new MfaPrompt(io.console()));
    }
}
