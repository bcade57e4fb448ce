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
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;

/**
 * Resolves {@link Settings}: command-line options win over the chosen connection (if any), which wins over
 * real environment variables, which win over {@code .env}. Empty values count as unset (the original app's
 * {@code .env} template has {@code AWS_REGION=''}).
 */
public final class SettingsLoader {
    public static final String USERS_TABLE = "USERS_TABLE";
    public static final String BCRYPT_COST = "BCRYPT_COST";
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
    private final Map<String, String> environment;
    private final Map<String, String> dotenv;
    private final Function<String, Optional<String>> profileRegion;
    private final List<String> warnings;

    /**
     * @param profileRegion the region configured for a profile name in the AWS config files, if any
     */
    public SettingsLoader(Path workingDir, Map<String, String> environment, Map<String, String> dotenv,
                          Function<String, Optional<String>> profileRegion) {
        this(workingDir, environment, dotenv, profileRegion, List.of());
    }

    private SettingsLoader(Path workingDir, Map<String, String> environment, Map<String, String> dotenv,
                           Function<String, Optional<String>> profileRegion, List<String> warnings) {
        this.workingDir = workingDir;
        this.environment = environment;
        this.dotenv = dotenv;
        this.profileRegion = profileRegion;
        this.warnings = warnings;
    }

    /** Reads the real environment, the {@code .env} of {@code workingDir} and the AWS config files. */
    public static SettingsLoader fromSystem(Path workingDir) {
        Map<String, String> dotenv = DotenvFile.read(workingDir);
        List<String> warnings = EnvFilePermissions.warning(workingDir.resolve(".env"), dotenv).stream().toList();
        return new SettingsLoader(workingDir, System.getenv(), dotenv, SettingsLoader::profileRegion, warnings);
    }

    /** Sentences to show the user once, before anything else (a {@code .env} with keys others can read). */
    public List<String> warnings() {
        return warnings;
    }

    private static Optional<String> profileRegion(String profile) {
        // Loading the SDK's profile machinery costs a noticeable part of start-up: skip it when there are
        // no AWS config files to read.
        String home = System.getProperty("user.home");
        boolean anyConfig = System.getenv("AWS_CONFIG_FILE") != null || System.getenv("AWS_SHARED_CREDENTIALS_FILE") != null
                || Files.exists(Path.of(home, ".aws", "config")) || Files.exists(Path.of(home, ".aws", "credentials"));
        if (!anyConfig) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(new AwsProfileRegionProvider(null, profile).getRegion()).map(Region::id);
        } catch (SdkClientException e) {
            return Optional.empty();
        }
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
        Settings settings = withoutEndpointsFor(connection).loadIgnoringConnections(connection.under(options));
        return settings.on(connection, options.write());
    }

    /** The connections file named by this environment (XDG_CONFIG_HOME or HOME), read and checked. */
    public ConnectionsFile connections() {
        return ConnectionsFile.read(connectionsFile());
    }

    public Path connectionsFile() {
        return ConnectionsFile.location(environment);
    }

    /** A connection naming a region (or the embedded database) is not redirected by endpoint variables. */
    private SettingsLoader withoutEndpointsFor(Connection connection) {
        if (!connection.ownsPlace()) {
            return this;
        }
        List<String> endpointKeys = List.of("AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL");
        return new SettingsLoader(workingDir, without(environment, endpointKeys), without(dotenv, endpointKeys),
                profileRegion, warnings);
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
        return new Settings(target(options), tableName(options), bcryptCost(), callTimeout(), logDir,
                options.readOnly() || readOnly(), auditLog(options, logDir));
    }

    /** Where logs go; resolvable before anything else, so logging can start first. */
    public Path logDir() {
        return resolve(Optional.ofNullable(value(LOG_DIR)).map(dir -> FileNames.of(dir, LOG_DIR)).orElse(Path.of("logs")));
    }

    private Target target(Options options) {
        if (options.embedded()) {
            return new Target.Embedded(dataDir(options));
        }
        String endpoint = firstNonBlank(options.endpoint(), value("AWS_ENDPOINT_URL_DYNAMODB"), value("AWS_ENDPOINT_URL"));
        String profile = firstNonBlank(options.profile(), value("AWS_PROFILE"));
        String region = firstNonBlank(options.region(), value("AWS_REGION"), value("AWS_DEFAULT_REGION"));
        if (region == null) {
            region = profileRegion.apply(profile == null ? "default" : profile).orElse(null);
        }
        if (region != null && !REGION.matcher(region).matches()) {
            throw config("The AWS region \"" + VisibleText.of(region) + "\" is not a region name like eu-west-1.");
        }
        if (endpoint != null) {
            URI uri = endpointUri(endpoint);
            return new Target.Endpoint(uri, region == null ? "us-east-1" : region,
                    credentials(profile, isLoopback(uri)));
        }
        if (region != null) {
            return new Target.Aws(region, credentials(profile, false));
        }
        return new Target.Embedded(dataDir(options));
    }

    private Credentials credentials(String profile, boolean localEndpoint) {
        String keyId = value("AWS_ACCESS_KEY_ID");
        String secret = value("AWS_SECRET_ACCESS_KEY");
        if (keyId != null && secret != null) {
            String source = isBlank(environment.get("AWS_ACCESS_KEY_ID")) ? ".env" : "environment variables";
            return Credentials.keys(source, keyId, secret, value("AWS_SESSION_TOKEN"));
        }
        if (profile != null) {
            return Credentials.profile(profile);
        }
        return localEndpoint ? Credentials.placeholder() : Credentials.defaultChain();
    }

    private Path dataDir(Options options) {
        if (options.dataDir() != null) {
            return resolve(options.dataDir());
        }
        return resolve(Optional.ofNullable(value(DATA_DIR)).map(dir -> FileNames.of(dir, DATA_DIR)).orElse(Path.of("data")));
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

    /** A setting's value: the real environment first, then {@code .env}. */
    private String value(String key) {
        String fromEnvironment = environment.get(key);
        if (!isBlank(fromEnvironment)) {
            return fromEnvironment;
        }
        String fromFile = dotenv.get(key);
        return isBlank(fromFile) ? null : fromFile;
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
