package dev.userconsole.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsLoaderTest {
    private static final Path HOME = Path.of("/srv/console");

    private static Settings load(Map<String, String> env, Map<String, String> dotenv, Options options) {
        return new SettingsLoader(HOME, env, dotenv, profile -> Optional.empty()).load(options);
    }

    @Test
    void withNothingConfiguredItIsTheEmbeddedDatabaseBesideDotenv() {
        Settings s = load(Map.of(), Map.of(), Options.none());
        assertEquals(new Target.Embedded(HOME.resolve("data")), s.target());
        assertEquals("User", s.tableName());
        assertEquals(12, s.bcryptCost());
        assertEquals(Duration.ofSeconds(10), s.callTimeout());
        assertEquals(HOME.resolve("logs"), s.logDir());
    }

    @Test
    void optionsWinOverEnvironmentWhichWinsOverDotenv() {
        Map<String, String> dotenv = Map.of("USERS_TABLE", "FromFile", "BCRYPT_COST", "11", "DATA_DIR", "file-data");
        assertEquals("FromFile", load(Map.of(), dotenv, Options.none()).tableName());
        assertEquals(11, load(Map.of(), dotenv, Options.none()).bcryptCost());
        Map<String, String> env = Map.of("USERS_TABLE", "FromEnv", "DATA_DIR", "/var/users");
        assertEquals("FromEnv", load(env, dotenv, Options.none()).tableName());
        assertEquals(new Target.Embedded(Path.of("/var/users")), load(env, dotenv, Options.none()).target());
        Options options = new Options(null, "FromOption", false, Path.of("opt-data"), null, null);
        Settings s = load(env, dotenv, options);
        assertEquals("FromOption", s.tableName());
        assertEquals(new Target.Embedded(HOME.resolve("opt-data")), s.target());
    }

    @Test
    void emptyValuesCountAsUnset() {
        Settings s = load(Map.of("AWS_REGION", ""), Map.of("AWS_REGION", "", "USERS_TABLE", " "),
                Options.none());
        assertInstanceOf(Target.Embedded.class, s.target());
        assertEquals("User", s.tableName());
    }

    @Test
    void anEndpointWinsOverARegion() {
        Map<String, String> env = Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://localhost:8000");
        Target.Endpoint endpoint = assertInstanceOf(Target.Endpoint.class, load(env, Map.of(), Options.none()).target());
        assertEquals(URI.create("http://localhost:8000"), endpoint.uri());
        assertEquals("eu-west-1", endpoint.region());
        assertEquals(Credentials.Kind.PLACEHOLDER, endpoint.credentials().kind());
    }

    @Test
    void theDynamoDbSpecificEndpointWinsOverTheGeneralOneAndTheOptionOverBoth() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://general:1",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://specific:2");
        assertEquals(URI.create("http://specific:2"),
                ((Target.Endpoint) load(env, Map.of(), Options.none()).target()).uri());
        Options option = new Options("http://127.0.0.1:3", null, false, null, null, null);
        assertEquals(URI.create("http://127.0.0.1:3"), ((Target.Endpoint) load(env, Map.of(), option).target()).uri());
    }

    @Test
    void aRegionMeansRealDynamoDbWithKeysFromDotenv() {
        Map<String, String> dotenv = Map.of("AWS_REGION", "eu-central-1", "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "secret-value");
        Target.Aws aws = assertInstanceOf(Target.Aws.class, load(Map.of(), dotenv, Options.none()).target());
        assertEquals("eu-central-1", aws.region());
        assertEquals(Credentials.Kind.KEYS, aws.credentials().kind());
        assertEquals("static keys from .env", aws.credentials().source());
        assertFalse(aws.credentials().toString().contains("secret-value"));
        assertFalse(load(Map.of(), dotenv, Options.none()).describeConnection().contains("secret-value"));
    }

    @Test
    void keysFromTheEnvironmentAreSaidToComeFromThere() {
        Map<String, String> env = Map.of("AWS_DEFAULT_REGION", "us-west-2", "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "s");
        Target.Aws aws = (Target.Aws) load(env, Map.of(), Options.none()).target();
        assertEquals("static keys from environment variables", aws.credentials().source());
        assertEquals("us-west-2", aws.region());
    }

    @Test
    void aProfileGivesCredentialsAndItsRegion() {
        SettingsLoader loader = new SettingsLoader(HOME, Map.of("AWS_PROFILE", "ops"), Map.of(),
                profile -> profile.equals("ops") ? Optional.of("ap-southeast-2") : Optional.empty());
        Target.Aws aws = assertInstanceOf(Target.Aws.class, loader.load(Options.none()).target());
        assertEquals("ap-southeast-2", aws.region());
        assertEquals(Credentials.profile("ops"), aws.credentials());
    }

    @Test
    void withoutKeysOrProfileRealDynamoDbUsesTheInstanceRole() {
        Target.Aws aws = (Target.Aws) load(Map.of("AWS_REGION", "eu-west-1"), Map.of(), Options.none()).target();
        assertEquals(Credentials.Kind.INSTANCE, aws.credentials().kind());
        Target.Endpoint remote = (Target.Endpoint) load(Map.of(), Map.of(),
                new Options("https://dynamodb.example.net", null, false, null, null, null)).target();
        assertEquals(Credentials.Kind.INSTANCE, remote.credentials().kind());
    }

    @Test
    void embeddedOptionOverridesEverything() {
        Map<String, String> env = Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://localhost:8000");
        Options embedded = new Options(null, null, true, null, null, null);
        assertInstanceOf(Target.Embedded.class, load(env, Map.of(), embedded).target());
    }

    @Test
    void bcryptCostOutsideTenToSixteenIsRefused() {
        assertEquals(16, load(Map.of("BCRYPT_COST", "16"), Map.of(), Options.none()).bcryptCost());
        for (String cost : new String[] {"9", "17", "twelve", "4"}) {
            ConsoleException e = assertThrows(ConsoleException.class,
                    () -> load(Map.of("BCRYPT_COST", cost), Map.of(), Options.none()));
            assertEquals(Problem.CONFIGURATION, e.problem());
            assertTrue(e.getMessage().contains("BCRYPT_COST"), e.getMessage());
        }
    }

    @Test
    void minPasswordLengthDefaultsToEightAndMayBeRaisedTo64() {
        assertEquals(8, load(Map.of(), Map.of(), Options.none()).minPasswordLength());
        assertEquals(15, load(Map.of(), Map.of("MIN_PASSWORD_LENGTH", "15"), Options.none()).minPasswordLength());
        assertEquals(64, load(Map.of("MIN_PASSWORD_LENGTH", " 64 "), Map.of(), Options.none()).minPasswordLength());
        for (String length : new String[] {"7", "65", "0", "fifteen"}) {
            ConsoleException e = assertThrows(ConsoleException.class,
                    () -> load(Map.of("MIN_PASSWORD_LENGTH", length), Map.of(), Options.none()));
            assertEquals(Problem.CONFIGURATION, e.problem());
            assertTrue(e.getMessage().startsWith("MIN_PASSWORD_LENGTH must be "), e.getMessage());
        }
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> load(Map.of("MIN_PASSWORD_LENGTH", "7"), Map.of(), Options.none()));
        assertEquals("MIN_PASSWORD_LENGTH must be from 8 to 64 (it is 7).", e.getMessage());
    }

    @Test
    void theTrashIsTheTablesNamePlusTrashForThirtyDaysUnlessConfigured() {
        Settings defaults = load(Map.of("USERS_TABLE", "Accounts"), Map.of(), Options.none());
        assertEquals("Accounts-trash", defaults.trashTable());
        assertEquals(30, defaults.trashDays());
        Settings chosen = load(Map.of("TRASH_TABLE", " Deleted.Users ", "TRASH_DAYS", "90"), Map.of(), Options.none());
        assertEquals("Deleted.Users", chosen.trashTable());
        assertEquals(90, chosen.trashDays());
        assertEquals("TRASH_DAYS must be from 1 to 3650 (it is 0).", assertThrows(ConsoleException.class,
                () -> load(Map.of("TRASH_DAYS", "0"), Map.of(), Options.none())).getMessage());
        assertTrue(assertThrows(ConsoleException.class, () -> load(Map.of("TRASH_TABLE", "no spaces"), Map.of(),
                Options.none())).getMessage().startsWith("TRASH_TABLE must be a DynamoDB table name"));
        assertEquals("TRASH_TABLE must not be the users table itself (User).", assertThrows(ConsoleException.class,
                () -> load(Map.of("TRASH_TABLE", "User"), Map.of(), Options.none())).getMessage());
    }

    @Test
    void invalidValuesAreRefusedWithASentence() {
        for (String endpoint : new String[] {"foo", "localhost:8000", "ftp://x", "http://", "http://user:pw@h:1"}) {
            ConsoleException e = assertThrows(ConsoleException.class, () -> load(Map.of(), Map.of(),
                    new Options(endpoint, null, false, null, null, null)));
            assertTrue(e.getMessage().startsWith("The endpoint"), e.getMessage());
        }
        for (String endpoint : new String[] {"http://key:s3cret@127.0.0.1:8000", "http://key:s3cret@local host"}) {
            ConsoleException e = assertThrows(ConsoleException.class, () -> load(Map.of(), Map.of(),
                    new Options(endpoint, null, false, null, null, null)));
            assertFalse(e.getMessage().contains("s3cret"), "a secret in the URL is not echoed: " + e.getMessage());
            assertTrue(e.getMessage().contains("\"http://***@"), e.getMessage());
        }
        ConsoleException port = assertThrows(ConsoleException.class, () -> load(Map.of(), Map.of(),
                new Options("http://127.0.0.1:99999", null, false, null, null, null)));
        assertEquals(Problem.CONFIGURATION, port.problem(), "a port above 65535 is bad input, not a crash");
        assertThrows(ConsoleException.class, () -> load(Map.of("USERS_TABLE", "a b"), Map.of(), Options.none()));
        assertThrows(ConsoleException.class, () -> load(Map.of("AWS_REGION", "EU WEST"), Map.of(), Options.none()));
        assertThrows(ConsoleException.class,
                () -> load(Map.of("DYNAMODB_TIMEOUT_SECONDS", "0"), Map.of(), Options.none()));
    }

    @Test
    void readOnlyComesFromTheOptionTheEnvironmentOrDotenv() {
        assertFalse(load(Map.of(), Map.of(), Options.none()).readOnly());
        assertTrue(load(Map.of(), Map.of("READ_ONLY", "true"), Options.none()).readOnly());
        assertTrue(load(Map.of("READ_ONLY", "YES"), Map.of(), Options.none()).readOnly());
        assertFalse(load(Map.of("READ_ONLY", "false"), Map.of("READ_ONLY", "true"), Options.none()).readOnly());
        Options readOnly = new Options(null, null, false, null, null, null, true, null);
        assertTrue(load(Map.of("READ_ONLY", "false"), Map.of(), readOnly).readOnly(), "the option cannot be undone");
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> load(Map.of("READ_ONLY", "maybe"), Map.of(), Options.none()));
        assertEquals("READ_ONLY must be true or false (it is \"maybe\").", e.getMessage());
    }

    @Test
    void theAuditLogDefaultsToTheLogDirectoryAndCanBeMoved() {
        assertEquals(HOME.resolve("logs/audit.jsonl"), load(Map.of(), Map.of(), Options.none()).auditLog());
        assertEquals(HOME.resolve("var/log/audit.jsonl"),
                load(Map.of("LOG_DIR", "var/log"), Map.of(), Options.none()).auditLog());
        assertEquals(Path.of("/audit/users.jsonl"),
                load(Map.of(), Map.of("AUDIT_LOG", "/audit/users.jsonl"), Options.none()).auditLog());
        Options option = new Options(null, null, false, null, null, null, false, Path.of("mine.jsonl"));
        assertEquals(HOME.resolve("mine.jsonl"), load(Map.of("AUDIT_LOG", "/x.jsonl"), Map.of(), option).auditLog());
    }

    @Test
    void anEndpointWithAPasswordInItIsRefusedWithoutRepeatingThePassword() {
        for (String endpoint : new String[] {"http://admin:s3cret-pw@db.example.net:8000", "admin:s3cret-pw@db"}) {
            ConsoleException e = assertThrows(ConsoleException.class, () -> load(Map.of(), Map.of(),
                    new Options(endpoint, null, false, null, null, null)));
            assertFalse(e.getMessage().contains("s3cret-pw"), e.getMessage());
            assertTrue(e.getMessage().contains("***@"), e.getMessage());
        }
    }
}
