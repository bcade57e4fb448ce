package dev.userconsole.config;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.FileNames;
import dev.userconsole.text.VisibleText;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.Profile;

/**
 * Resolves {@link Settings}: command-line options win over the chosen connection (if any), which wins over
 * real environment variables, which win over {@code .env}, which wins over the installed layout's
 * {@code settings.env}. Empty values count as unset (the original app's {@code .env} template has
 * {@code AWS_REGION=''}). The {@link Layout} gives the places nothing names.
 */
public final class SettingsLoader {
    public static final String USERS_TABLE = "USERS_TABLE";
    public static final String BCRYPT_COST = "BCRYPT_COST";
    public static final String MIN_PASSWORD_LENGTH = "MIN_PASSWORD_LENGTH";
    public static final String TRASH_TABLE = "TRASH_TABLE";
    public static final String TRASH_DAYS = "TRASH_DAYS";
    public static final String DATA_DIR = "DATA_DIR";
    public static final String LOG_DIR = "LOG_DIR";
    public static final String TIMEOUT_SECONDS = "DYNAMODB_TIMEOUT_SECONDS";
    public static final String READ_ONLY = "READ_ONLY";
    public static final String AUDIT_LOG = "AUDIT_LOG";

    private static final int MAX_PORT = 65535;
    /** The user-info part of a URL ({@code user:secret@}), which may hold a secret: never echoed. */
    private static final Pattern USER_INFO = Pattern.compile("[^/@]*@");

    static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,50}");

    private final Path workingDir;
    private final Layout layout;
    private final Map<String, String> environment;
    private final DotenvValues dotenv;
    private final Function<String, Optional<String>> profileRegion;
    /** Read on first need: an embedded or fully configured run never parses the AWS files. */
    private final Supplier<AwsProfiles> profiles;
    /** False under a connection that names its own place: a profile's endpoint_url does not redirect it. */
    private final boolean profileEndpoints;
    /** The connection whose profile --profile now holds, for sentences saying where a profile name came from. */
    private final String profileConnection;

    /**
     * @param profileRegion the region configured for a profile name in the AWS config files, if any; no other
     *                      part of the AWS files is read
     */
    public SettingsLoader(Path workingDir, Map<String, String> environment, Map<String, String> dotenv,
                          Function<String, Optional<String>> profileRegion) {
        this(Layout.checkout(workingDir), workingDir, environment, DotenvValues.of(dotenv), profileRegion,
                AwsProfiles::none);
    }

    /** Reads profiles (region, endpoint, credential form) from {@code profiles}. */
    public SettingsLoader(Path workingDir, Map<String, String> environment, Map<String, String> dotenv,
                          AwsProfiles profiles) {
        this(Layout.checkout(workingDir), workingDir, environment, DotenvValues.of(dotenv), profiles::region,
                () -> profiles);
    }

    private SettingsLoader(Layout layout, Path workingDir, Map<String, String> environment, DotenvValues dotenv,
                           Function<String, Optional<String>> profileRegion, Supplier<AwsProfiles> profiles) {
        this(layout, workingDir, environment, dotenv, profileRegion, profiles, true, null);
    }

    private SettingsLoader(Layout layout, Path workingDir, Map<String, String> environment, DotenvValues dotenv,
                           Function<String, Optional<String>> profileRegion, Supplier<AwsProfiles> profiles,
                           boolean profileEndpoints, String profileConnection) {
        this.profileEndpoints = profileEndpoints;
        this.profileConnection = profileConnection;
        this.layout = layout;
        this.workingDir = workingDir;
        this.environment = environment;
        this.dotenv = dotenv;
        this.profileRegion = profileRegion;
        this.profiles = profiles;
    }

    /** Reads the real environment, the {@code .env} of {@code workingDir} and the AWS files where the SDK finds them. */
    public static SettingsLoader fromSystem(Path workingDir) {
        return fromSystem(workingDir, Layout.checkout(workingDir));
    }

    /** As {@link #fromSystem(Path)}, with the places and dotenv files of {@code layout}. */
    public static SettingsLoader fromSystem(Path workingDir, Layout layout) {
        Supplier<AwsProfiles> profiles = memoized(AwsProfiles::fromSystem);
        return new SettingsLoader(layout, workingDir, System.getenv(), DotenvValues.read(layout.dotenvFiles()),
                name -> profiles.get().region(name), profiles);
    }

    /**
     * Reads the dotenv files of {@code layout} (a malformed one is refused naming it) with this environment and
     * the AWS files it names.
     */
    public static SettingsLoader reading(Layout layout, Path workingDir, Map<String, String> environment) {
        AwsProfiles profiles = AwsProfiles.of(environment);
        return new SettingsLoader(layout, workingDir, environment, DotenvValues.read(layout.dotenvFiles()),
                profiles::region, () -> profiles);
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** Sentences to show the user once, before anything else (a {@code .env} or {@code settings.env} with keys others can read). */
    public List<String> warnings() {
        return dotenv.warnings();
    }

    /**
     * The settings for these options; with a connection chosen ({@code --connection}, else
     * USER_CONSOLE_CONNECTION), its values come between the command line and the environment.
     */
    public Settings load(Options options) {
        String chosen = firstNonBlank(options.connection(), value(ConnectionsFile.CHOSEN));
        if (chosen == null) {
            return loadIgnoringConnections(options);
        }
        Connection connection = connections().named(chosen);
        Settings settings = under(connection, options).loadIgnoringConnections(connection.under(options));
        return settings.on(connection, options.write());
    }

    /** The connections file named by this environment (XDG_CONFIG_HOME or HOME), read and checked. */
    public ConnectionsFile connections() {
        return ConnectionsFile.read(connectionsFile());
    }

    public Path connectionsFile() {
        return ConnectionsFile.location(environment);
    }

    /**
     * This loader for a connection: one naming a region (or the embedded database) is not redirected by
     * endpoint variables or a profile's endpoint_url.
     */
    private SettingsLoader under(Connection connection, Options options) {
        String namingProfile = options.profile() == null && connection.profile() != null ? connection.name() : null;
        if (!connection.ownsPlace()) {
            return new SettingsLoader(layout, workingDir, environment, dotenv, profileRegion, profiles,
                    profileEndpoints, namingProfile);
        }
        List<String> endpointKeys = List.of("AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL");
        return new SettingsLoader(layout, workingDir, without(environment, endpointKeys), dotenv.without(endpointKeys),
                profileRegion, profiles, false, namingProfile);
    }

    private static Map<String, String> without(Map<String, String> values, List<String> keys) {
        Map<String, String> rest = new HashMap<>(values);
        keys.forEach(rest::remove);
        return rest;
    }

    /** The AWS profile names, from the files this environment names (for the console's switcher). */
    public List<String> profileNames() {
        return AwsProfiles.names(environment);
    }

    /** The settings for these options alone: no connection, even if USER_CONSOLE_CONNECTION names one. */
    public Settings loadIgnoringConnections(Options options) {
        Path logDir = logDir();
        String table = tableName(options);
        return new Settings(target(options), table, bcryptCost(), callTimeout(), logDir,
                options.readOnly() || readOnly(), auditLog(options, logDir), minPasswordLength())
                .withTrash(trashTable(table), trashDays());
    }

    /** Where logs go; resolvable before anything else, so logging can start first. */
    public Path logDir() {
        return resolve(Optional.ofNullable(value(LOG_DIR)).map(dir -> FileNames.of(dir, LOG_DIR)).orElse(layout.logDir()));
    }

    private Target target(Options options) {
        if (options.embedded()) {
            return embedded(options);
        }
        NamedProfile named = namedProfile(options);
        if (named != null && (!explicitKeys() || !named.origin().startsWith("AWS_PROFILE"))) {
            requireProfile(named);
        }
        String profileForSettings = named == null ? "default" : named.name();
        String endpoint = firstNonBlank(options.endpoint(), value("AWS_ENDPOINT_URL_DYNAMODB"), value("AWS_ENDPOINT_URL"));
        String endpointSource = "";
        if (endpoint == null && profileEndpoints) {
            endpoint = profiles.get().dynamoDbEndpoint(profileForSettings).orElse(null);
            endpointSource = endpoint == null ? "" : "from profile " + profileForSettings;
        }
        String region = firstNonBlank(options.region(), value("AWS_REGION"), value("AWS_DEFAULT_REGION"));
        if (region == null) {
            region = profileRegion.apply(profileForSettings).orElse(null);
        }
        if (region != null && !REGION.matcher(region).matches()) {
            throw config("The AWS region \"" + VisibleText.of(region) + "\" is not a region name like eu-west-1.");
        }
        if (endpoint != null) {
            URI uri = endpointUri(endpoint);
            return new Target.Endpoint(uri, region == null ? "us-east-1" : region,
                    credentials(named, isLoopback(uri)), endpointSource);
        }
        if (region != null || named != null) {
            if (region == null) {
                throw config("The AWS profile " + VisibleText.of(named.name()) + " names no region: add region = NAME"
                        + " to it, set AWS_REGION or --region, or name it in a connection with a region.");
            }
            return new Target.Aws(region, credentials(named, false));
        }
        return embedded(options);
    }

    /** A profile named by {@code --profile} or {@code AWS_PROFILE}, and which of them named it. */
    private record NamedProfile(String name, String origin) {
    }

    private NamedProfile namedProfile(Options options) {
        if (!isBlank(options.profile())) {
            return new NamedProfile(options.profile(), profileConnection == null ? "--profile"
                    : "connection " + profileConnection);
        }
        String name = value("AWS_PROFILE");
        if (name == null) {
            return null;
        }
        return new NamedProfile(name, isBlank(environment.get("AWS_PROFILE")) ? "AWS_PROFILE in "
                + dotenv.origin("AWS_PROFILE") : "AWS_PROFILE");
    }

    private boolean explicitKeys() {
        return value("AWS_ACCESS_KEY_ID") != null && value("AWS_SECRET_ACCESS_KEY") != null;
    }

    /** The named profile; empty when the AWS files are not read here (a region lookup was given instead). */
    private Optional<Profile> requireProfile(NamedProfile named) {
        AwsProfiles files = profiles.get();
        if (files == AwsProfiles.none()) {
            return Optional.empty();
        }
        return Optional.of(files.profile(named.name()).orElseThrow(() -> new ConsoleException(Problem.CREDENTIALS,
                "The AWS profile " + named.name() + " (from " + named.origin() + ") is not in "
                        + files.filesLookedIn() + "; check the name, or set AWS_CONFIG_FILE to the file that has it.")));
    }

    /** The credentials the SDK's default chain would pick, in its order, named for what they are. */
    private Credentials credentials(NamedProfile named, boolean localEndpoint) {
        // As in the AWS CLI: --profile wins over keys in the environment, which win over AWS_PROFILE
        boolean profileOption = named != null && !named.origin().startsWith("AWS_PROFILE");
        if (explicitKeys() && !profileOption) {
            String source = isBlank(environment.get("AWS_ACCESS_KEY_ID")) ? dotenv.origin("AWS_ACCESS_KEY_ID")
                    : "environment variables";
            return Credentials.keys(source, value("AWS_ACCESS_KEY_ID"), value("AWS_SECRET_ACCESS_KEY"),
                    value("AWS_SESSION_TOKEN"));
        }
        AwsProfiles files = profiles.get();
        if (named != null) {
            return requireProfile(named)
                    .map(profile -> Credentials.profile(named.name(), AwsProfiles.credentialForm(profile),
                            files.profileFile()))
                    .orElseGet(() -> Credentials.profile(named.name()));
        }
        // The SDK reads these from the real environment only, never from .env
        String tokenFile = environment.get("AWS_WEB_IDENTITY_TOKEN_FILE");
        String roleArn = environment.get("AWS_ROLE_ARN");
        if (!isBlank(tokenFile) && !isBlank(roleArn)) {
            return Credentials.webIdentity(roleArn);
        }
        Optional<Profile> fallback = localEndpoint ? Optional.empty() : files.profile("default");
        if (fallback.isPresent()) {
            return Credentials.profile("default", AwsProfiles.credentialForm(fallback.get()), files.profileFile());
        }
        if (!isBlank(environment.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"))
                || !isBlank(environment.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"))) {
            return Credentials.container();
        }
        if (localEndpoint && isBlank(environment.get("AWS_EC2_METADATA_SERVICE_ENDPOINT"))) {
            return Credentials.placeholder();
        }
        return Credentials.instance();
    }

    /** The embedded database; the layout's own directory is created owner-only. */
    private Target.Embedded embedded(Options options) {
        Path dataDir = dataDir(options);
        return new Target.Embedded(dataDir, layout.ownerOnly(dataDir));
    }

    private Path dataDir(Options options) {
        if (options.dataDir() != null) {
            return resolve(options.dataDir());
        }
        return resolve(Optional.ofNullable(value(DATA_DIR)).map(dir -> FileNames.of(dir, DATA_DIR)).orElse(layout.dataDir()));
    }

    private String tableName(Options options) {
        String name = firstNonBlank(options.table(), value(USERS_TABLE), Settings.DEFAULT_TABLE);
        if (!TABLE_NAME.matcher(name).matches()) {
            throw config("The table name \"" + VisibleText.of(name)
                    + "\" is not valid: use 3 to 255 letters, digits, '_', '-' or '.'.");
        }
        return name;
    }

    private int bcryptCost() {
        int cost = wholeNumber(BCRYPT_COST, Settings.DEFAULT_BCRYPT_COST);
        if (cost < Settings.MIN_BCRYPT_COST || cost > Settings.MAX_BCRYPT_COST) {
            throw config(BCRYPT_COST + " must be from " + Settings.MIN_BCRYPT_COST + " to "
                    + Settings.MAX_BCRYPT_COST + " (it is " + cost + ").");
        }
        return cost;
    }

    private String trashTable(String table) {
        String named = value(TRASH_TABLE);
        String trash = named == null || named.isBlank() ? Settings.defaultTrashTable(table) : named.strip();
        if (!TABLE_NAME.matcher(trash).matches()) {
            throw config(TRASH_TABLE + " must be a DynamoDB table name (3 to 255 of A-Z a-z 0-9 _ . -), not \""
                    + VisibleText.of(trash) + "\".");
        }
        if (trash.equals(table)) {
            throw config(TRASH_TABLE + " must not be the users table itself (" + table + ").");
        }
        return trash;
    }

    private int trashDays() {
        int days = wholeNumber(TRASH_DAYS, Settings.DEFAULT_TRASH_DAYS);
        if (days < 1 || days > Settings.MAX_TRASH_DAYS) {
            throw config(TRASH_DAYS + " must be from 1 to " + Settings.MAX_TRASH_DAYS + " (it is " + days + ").");
        }
        return days;
    }

    private int minPasswordLength() {
        int length = wholeNumber(MIN_PASSWORD_LENGTH, Settings.DEFAULT_MIN_PASSWORD_LENGTH);
        if (length < Settings.MIN_MIN_PASSWORD_LENGTH || length > Settings.MAX_MIN_PASSWORD_LENGTH) {
            throw config(MIN_PASSWORD_LENGTH + " must be from " + Settings.MIN_MIN_PASSWORD_LENGTH + " to "
                    + Settings.MAX_MIN_PASSWORD_LENGTH + " (it is " + length + ").");
        }
        return length;
    }

    private Duration callTimeout() {
        int seconds = wholeNumber(TIMEOUT_SECONDS, (int) Settings.DEFAULT_CALL_TIMEOUT.toSeconds());
        if (seconds < 1 || seconds > 300) {
            throw config(TIMEOUT_SECONDS + " must be from 1 to 300 (it is " + seconds + ").");
        }
        return Duration.ofSeconds(seconds);
    }

    private boolean readOnly() {
        String raw = value(READ_ONLY);
        if (raw == null) {
            return false;
        }
        switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1":
                return true;
            case "false", "no", "0":
                return false;
            default:
                throw config(READ_ONLY + " must be true or false (it is \"" + VisibleText.of(raw) + "\").");
        }
    }

    private Path auditLog(Options options, Path logDir) {
        if (options.auditLog() != null) {
            return resolve(options.auditLog());
        }
        String file = value(AUDIT_LOG);
        return file == null ? logDir.resolve(Settings.AUDIT_FILE_NAME) : resolve(FileNames.of(file, AUDIT_LOG));
    }

    private int wholeNumber(String key, int fallback) {
        String raw = value(key);
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw config(key + " must be a whole number (it is \"" + VisibleText.of(raw) + "\").");
        }
    }

    static URI endpointUri(String raw) {
        try {
            URI uri = new URI(raw.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getUserInfo() == null && uri.getPort() <= MAX_PORT) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below with the same sentence as any other malformed endpoint
        }
        throw config("The endpoint \"" + VisibleText.of(USER_INFO.matcher(raw).replaceAll("***@"))
                + "\" is not a URL like http://localhost:8000 (credentials do not belong in it).");
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** A setting's value: the real environment first, then {@code .env}, then {@code settings.env}. */
    private String value(String key) {
        String fromEnvironment = environment.get(key);
        return isBlank(fromEnvironment) ? dotenv.get(key) : fromEnvironment;
    }

    private Path resolve(Path path) {
        return workingDir.resolve(path).normalize();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!isBlank(v)) {
                return v;
            }
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static ConsoleException config(String message) {
        return new ConsoleException(Problem.CONFIGURATION, message);
    }
}
