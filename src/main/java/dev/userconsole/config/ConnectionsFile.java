package dev.userconsole.config;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.VisibleText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * The connections file, {@code $XDG_CONFIG_HOME/user-console/connections.toml} (else under
 * {@code $HOME/.config}): one TOML table per connection, {@code [NAME]}, with the keys of {@link Connection}.
 * Everything in it is checked when it is read; anything unknown or wrong is refused in one sentence that
 * names the file, the line, the connection and the key.
 */
public final class ConnectionsFile {
    public static final String CHOSEN = "USER_CONSOLE_CONNECTION";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Set<String> TEXT_KEYS = Set.of("endpoint", "region", "data_dir", "profile", "table");
    private static final Set<String> FLAG_KEYS = Set.of("embedded", "read_only", "production");
    private static final List<String> KNOWN = List.of("endpoint", "region", "embedded", "data_dir", "profile", "table",
            "read_only", "production");
    /** Keys that would hold a secret: credentials belong in an AWS profile, never in this file. */
    private static final Pattern SECRET_KEY = Pattern.compile(".*(secret|access_key|session_token|password|token).*");

    private final Path file;
    private final Map<String, Connection> connections;

    private ConnectionsFile(Path file, Map<String, Connection> connections) {
        this.file = file;
        this.connections = connections;
    }

    /** Where the file is, from the environment given: XDG_CONFIG_HOME, else HOME/.config (not Java's user.home). */
    public static Path location(Map<String, String> environment) {
        return XdgDirectory.config(environment).resolve("user-console").resolve("connections.toml");
    }

    /** Reads and checks the file; a file that does not exist holds no connections. */
    public static ConnectionsFile read(Path file) {
        if (!Files.exists(file)) {
            return new ConnectionsFile(file, Map.of());
        }
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (IOException e) {
            throw new ConsoleException(Problem.CONFIGURATION, "The connections file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ").");
        }
        if (toml.hasErrors()) {
            TomlParseError error = toml.errors().get(0);
            throw new ConsoleException(Problem.CONFIGURATION, "The connections file " + file + " is not valid TOML at"
                    + at(error.position()) + ": " + VisibleText.of(error.getMessage()) + ".");
        }
        Map<String, Connection> connections = new LinkedHashMap<>();
        for (String name : toml.keySet()) {
            List<String> key = List.of(name);
            if (!toml.isTable(key)) {
                throw new Refusal(file, toml.inputPositionOf(key)).of("\"" + VisibleText.of(name)
                        + "\" is not inside a connection: start each connection with a [NAME] line");
            }
            if (!NAME.matcher(name).matches()) {
                throw new Refusal(file, toml.inputPositionOf(key)).of("the connection name \"" + VisibleText.of(name)
                        + "\" is not 1 to 64 letters, digits, '_', '-' or '.'");
            }
            connections.put(name, connection(file, name, toml.getTable(key), toml.inputPositionOf(key)));
        }
        return new ConnectionsFile(file, connections);
    }

    public Path file() {
        return file;
    }

    /** The names, in the order of the file. */
    public List<String> names() {
        return List.copyOf(connections.keySet());
    }

    public Optional<Connection> find(String name) {
        return Optional.ofNullable(connections.get(name));
    }

    /** The connection, or one sentence listing the ones that exist. */
    public Connection named(String name) {
        Connection connection = connections.get(name);
        if (connection != null) {
            return connection;
        }
        String known = connections.isEmpty()
                ? (Files.exists(file) ? file + " names none" : "there is no " + file)
                : "the connections in " + file + " are " + String.join(", ", connections.keySet());
        throw new ConsoleException(Problem.CONFIGURATION, "There is no connection \"" + VisibleText.of(name)
                + "\": " + known + ".");
    }

    private static Connection connection(Path file, String name, TomlTable table, TomlPosition header) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            Refusal refusal = new Refusal(file, table.inputPositionOf(List.of(key)), name, key);
            Object value = table.get(List.of(key));
            String lower = key.toLowerCase(Locale.ROOT);
            if (SECRET_KEY.matcher(lower).matches()) {
                throw refusal.of("secrets do not belong in this file: name an AWS profile (profile = \"NAME\")"
                        + " whose credentials are in ~/.aws/credentials or come from SSO");
            }
            if (TEXT_KEYS.contains(key)) {
                if (!(value instanceof String text) || text.isBlank()) {
                    throw refusal.of("it must be a text in quotes, like " + key + " = \"...\"");
                }
            } else if (FLAG_KEYS.contains(key)) {
                if (!(value instanceof Boolean)) {
                    throw refusal.of("it must be true or false");
                }
            } else {
                throw refusal.of("it is not a key this file knows (" + String.join(", ", KNOWN) + ")");
            }
            values.put(key, value);
        }
        return checked(file, name, table, header, values);
    }

    private static Connection checked(Path file, String name, TomlTable table, TomlPosition header,
                                      Map<String, Object> values) {
        String endpoint = (String) values.get("endpoint");
        String region = (String) values.get("region");
        boolean embedded = Boolean.TRUE.equals(values.get("embedded"));
        String dataDir = (String) values.get("data_dir");
        String tableName = (String) values.get("table");
        if (endpoint != null) {
            try {
                SettingsLoader.endpointUri(endpoint);
            } catch (ConsoleException e) {
                throw refusal(file, table, name, "endpoint").of("it is not a URL like http://localhost:8000");
            }
        }
        if (region != null && !SettingsLoader.REGION.matcher(region).matches()) {
            throw refusal(file, table, name, "region").of("it is not a region name like eu-west-1");
        }
        if (tableName != null && !SettingsLoader.TABLE_NAME.matcher(tableName).matches()) {
            throw refusal(file, table, name, "table").of("use 3 to 255 letters, digits, '_', '-' or '.'");
        }
        if (embedded && (endpoint != null || region != null)) {
            throw refusal(file, table, name, "embedded").of("an embedded connection has no endpoint or region");
        }
        if (dataDir != null && !embedded) {
            throw refusal(file, table, name, "data_dir").of("it is for embedded = true connections only");
        }
        if (!embedded && endpoint == null && region == null) {
            throw new Refusal(file, header, name, null)
                    .of("it needs endpoint = \"URL\", region = \"NAME\" or embedded = true");
        }
        Path dir;
        try {
            dir = dataDir == null ? null : Path.of(dataDir);
        } catch (java.nio.file.InvalidPathException e) {
            throw refusal(file, table, name, "data_dir").of("it is not a directory name");
        }
        return new Connection(name, endpoint, region, embedded, dir, (String) values.get("profile"), tableName,
                Boolean.TRUE.equals(values.get("read_only")), Boolean.TRUE.equals(values.get("production")));
    }

    private static Refusal refusal(Path file, TomlTable table, String name, String key) {
        return new Refusal(file, table.inputPositionOf(List.of(key)), name, key);
    }

    private static String at(TomlPosition position) {
        return position == null ? "" : " line " + position.line();
    }

    /** Builds the one sentence: "The connections file F, line N, connection C, key K: reason." */
    private record Refusal(Path file, TomlPosition position, String connection, String key) {
        Refusal(Path file, TomlPosition position) {
            this(file, position, null, null);
        }

        ConsoleException of(String reason) {
            StringBuilder where = new StringBuilder("The connections file ").append(file);
            if (position != null) {
                where.append(", line ").append(position.line());
            }
            if (connection != null) {
                where.append(", connection ").append(connection);
            }
            if (key != null) {
                where.append(", key ").append(VisibleText.of(key));
            }
            return new ConsoleException(Problem.CONFIGURATION, where + ": " + reason + ".");
        }
    }
}
