package dev.userconsole.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a chosen connection sits between the command line and the environment (SettingsLoader's layer). */
class ConnectionSettingsTest {
    private static final Path WORKING_DIR = Path.of("/srv/console");

    @TempDir
    Path home;

    @BeforeEach
    void connectionsFile() throws IOException {
        Path file = home.resolve(".config/user-console/connections.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                [local]
                embedded = true
                data_dir = "/var/local-users"

                [staging]
                endpoint = "http://localhost:8000"
                table = "StagingUsers"

                [production]
                region = "eu-west-1"
                profile = "prod-admin"
                table = "ProdUsers"
                production = true

                [audit]
                region = "eu-west-1"
                production = true
                read_only = true
                """);
    }

    private Settings load(Map<String, String> env, Map<String, String> dotenv, Options options) {
        Map<String, String> environment = new HashMap<>(env);
        environment.put("HOME", home.toString());
        return new SettingsLoader(WORKING_DIR, environment, dotenv, profile -> Optional.empty()).load(options);
    }

    private static Options connection(String name) {
        return Options.none().withConnection(name, false);
    }

    @Test
    void withoutAConnectionNothingChanges() {
        Settings s = load(Map.of("USERS_TABLE", "FromEnv"), Map.of(), Options.none());
        assertNull(s.connection());
        assertEquals("FromEnv", s.tableName());
        assertEquals(new Target.Embedded(WORKING_DIR.resolve("data")), s.target());
    }

    @Test
    void theConnectionWinsOverTheEnvironmentAndDotenv() {
        Map<String, String> env = Map.of("USERS_TABLE", "FromEnv", "AWS_ENDPOINT_URL", "http://env:1");
        Map<String, String> dotenv = Map.of("USERS_TABLE", "FromFile", "AWS_ENDPOINT_URL_DYNAMODB", "http://file:2");
        Settings s = load(env, dotenv, connection("staging"));
        assertEquals("StagingUsers", s.tableName());
        assertEquals(URI.create("http://localhost:8000"), ((Target.Endpoint) s.target()).uri());
        assertEquals("staging", s.connection().name());
        assertEquals("connection staging: table StagingUsers on endpoint http://localhost:8000"
                + " (credentials: placeholder keys for a local endpoint)", s.describeConnection());
        // what the connection leaves unsaid still comes from the environment
        assertEquals(11, load(Map.of("BCRYPT_COST", "11"), Map.of(), connection("staging")).bcryptCost());
    }

    @Test
    void typedOptionsWinOverTheConnection() {
        Options typed = new Options("http://typed:3", "TypedTable", false, null, null, null, false, null, "staging",
                false);
        Settings s = load(Map.of(), Map.of(), typed);
        assertEquals("TypedTable", s.tableName());
        assertEquals(URI.create("http://typed:3"), ((Target.Endpoint) s.target()).uri());
        // --endpoint typed over an embedded connection: the endpoint, not the embedded database
        Options endpointOverLocal = new Options("http://typed:3", null, false, null, null, null, false, null, "local",
                false);
        assertInstanceOf(Target.Endpoint.class, load(Map.of(), Map.of(), endpointOverLocal).target());
    }

    @Test
    void aRegionConnectionIsNotRedirectedByEndpointVariables() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://localhost:8000", "AWS_REGION", "us-west-2");
        Target.Aws aws = assertInstanceOf(Target.Aws.class,
                load(env, Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://x:1"), connection("production")).target());
        assertEquals("eu-west-1", aws.region());
        assertEquals(Credentials.profile("prod-admin"), aws.credentials());
    }

    @Test
    void anEmbeddedConnectionUsesItsDataDirectory() {
        Settings s = load(Map.of("AWS_ENDPOINT_URL", "http://localhost:8000", "DATA_DIR", "/elsewhere"), Map.of(),
                connection("local"));
        assertEquals(new Target.Embedded(Path.of("/var/local-users")), s.target());
    }

    @Test
    void theEnvironmentVariableChoosesAndTheOptionWinsOverIt() {
        assertEquals("ProdUsers", load(Map.of("USER_CONSOLE_CONNECTION", "production"), Map.of(), Options.none())
                .tableName());
        assertEquals("StagingUsers", load(Map.of("USER_CONSOLE_CONNECTION", "production"), Map.of(),
                connection("staging")).tableName());
        assertEquals("StagingUsers", load(Map.of(), Map.of("USER_CONSOLE_CONNECTION", "staging"), Options.none())
                .tableName());
    }

    @Test
    void xdgConfigHomeWinsOverHome() throws IOException {
        Path xdg = home.resolve("xdg");
        Files.createDirectories(xdg.resolve("user-console"));
        Files.writeString(xdg.resolve("user-console/connections.toml"), "[only]\nendpoint = \"http://xdg:9\"\n");
        Settings s = load(Map.of("XDG_CONFIG_HOME", xdg.toString()), Map.of(), connection("only"));
        assertEquals(URI.create("http://xdg:9"), ((Target.Endpoint) s.target()).uri());
    }

    @Test
    void productionOpensReadOnlyUnlessWritesAreAllowed() {
        Settings locked = load(Map.of(), Map.of(), connection("production"));
        assertTrue(locked.readOnly());
        assertEquals("connection production is production; give --write to change it", locked.readOnlyReason());
        assertTrue(locked.connection().production());
        Settings writable = load(Map.of(), Map.of(), Options.none().withConnection("production", true));
        assertFalse(writable.readOnly());
        // read_only = true (or --read-only) is not lifted by --write
        Settings audit = load(Map.of(), Map.of(), Options.none().withConnection("audit", true));
        assertTrue(audit.readOnly());
        assertEquals("connection audit has read_only = true", audit.readOnlyReason());
        Options readOnlyTyped = new Options(null, null, false, null, null, null, true, null, "production", true);
        assertTrue(load(Map.of(), Map.of(), readOnlyTyped).readOnly());
        assertFalse(load(Map.of(), Map.of(), connection("staging")).readOnly());
    }

    @Test
    void anUnknownConnectionListsTheNames() {
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> load(Map.of(), Map.of(), connection("prod")));
        assertEquals("There is no connection \"prod\": the connections in "
                + home.resolve(".config/user-console/connections.toml")
                + " are local, staging, production, audit.", e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void theSwitchboardOffersTheConnectionsAndKeepsTypedReadOnlyAcrossSwitches() {
        Map<String, String> environment = Map.of("HOME", home.toString(), "USER_CONSOLE_CONNECTION", "staging");
        SettingsLoader loader = new SettingsLoader(WORKING_DIR, environment, Map.of(), profile -> Optional.empty());
        Settings started = loader.load(new Options(null, null, false, null, null, null, true, Path.of("/a/audit.jsonl")));
        Switchboard switchboard = new Switchboard(loader, started);
        assertEquals(java.util.List.of("local", "staging", "production", "audit"),
                switchboard.connections().stream().map(Connection::name).toList());
        Settings copy = switchboard.connection("local", false);
        assertTrue(copy.readOnly(), "--read-only typed at start stays on");
        assertEquals(Path.of("/a/audit.jsonl"), copy.auditLog());
        assertEquals("The AWS profile ops names no region: add region = NAME to it, set AWS_REGION or --region, or"
                + " name it in a connection with a region.", assertThrows(ConsoleException.class, () -> switchboard.profile("ops")).getMessage());
        SettingsLoader withRegions = new SettingsLoader(WORKING_DIR, environment, Map.of(),
                profile -> profile.equals("ops") ? Optional.of("eu-west-2") : Optional.empty());
        Settings profile = new Switchboard(withRegions, started).profile("ops");
        assertNull(profile.connection(), "USER_CONSOLE_CONNECTION does not apply to a profile chosen in the switcher");
        assertEquals(new Target.Aws("eu-west-2", Credentials.profile("ops")), profile.target());
        assertFalse(new Switchboard(loader, loader.load(Options.none().withConnection("production", false)))
                .connection("staging", false).readOnly(), "production's lock does not follow to the next connection");
    }
}
