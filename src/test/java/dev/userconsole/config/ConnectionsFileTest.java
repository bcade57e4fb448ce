package dev.userconsole.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsFileTest {
    @TempDir
    Path dir;

    private Path write(String toml) throws IOException {
        Path file = dir.resolve("connections.toml");
        Files.writeString(file, toml);
        return file;
    }

    /** The one sentence a file is refused with; it always names the file and is a configuration problem. */
    private String refusal(String toml) throws IOException {
        Path file = write(toml);
        ConsoleException e = assertThrows(ConsoleException.class, () -> ConnectionsFile.read(file));
        assertEquals(Problem.CONFIGURATION, e.problem());
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().startsWith("The connections file " + file), e.getMessage());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void itLivesInTheXdgConfigDirectoryElseUnderHomeNotJavasUserHome() {
        assertEquals(Path.of("/x/cfg/user-console/connections.toml"),
                ConnectionsFile.location(Map.of("XDG_CONFIG_HOME", "/x/cfg", "HOME", "/h")));
        assertEquals(Path.of("/h/.config/user-console/connections.toml"),
                ConnectionsFile.location(Map.of("HOME", "/h")));
        // the XDG specification says a relative XDG_CONFIG_HOME is to be ignored
        assertEquals(Path.of("/h/.config/user-console/connections.toml"),
                ConnectionsFile.location(Map.of("XDG_CONFIG_HOME", "rel", "HOME", "/h")));
    }

    @Test
    void everyKeyIsRead() throws IOException {
        Path file = write("""
                # where we work
                [local]
                embedded = true
                data_dir = "local-data"

                [staging]
                endpoint = "http://localhost:8000"
                region = "eu-west-1"
                profile = "staging-admin"
                table = "StagingUsers"
                read_only = true

                [production]
                region = "eu-west-1"
                profile = "prod-admin"
                production = true
                """);
        ConnectionsFile connections = ConnectionsFile.read(file);
        assertEquals(List.of("local", "staging", "production"), connections.names());
        assertEquals(new Connection("local", null, null, true, Path.of("local-data"), null, null, false, false),
                connections.named("local"));
        assertEquals(new Connection("staging", "http://localhost:8000", "eu-west-1", false, null, "staging-admin",
                "StagingUsers", true, false), connections.named("staging"));
        assertEquals(new Connection("production", null, "eu-west-1", false, null, "prod-admin", null, false, true),
                connections.named("production"));
    }

    @Test
    void aMissingFileHoldsNoConnectionsAndSaysSoWhenOneIsAskedFor() {
        ConnectionsFile none = ConnectionsFile.read(dir.resolve("absent.toml"));
        assertTrue(none.names().isEmpty());
        ConsoleException e = assertThrows(ConsoleException.class, () -> none.named("prod"));
        assertEquals("There is no connection \"prod\": there is no " + dir.resolve("absent.toml") + ".", e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void anUnknownNameListsTheNamesThatExist() throws IOException {
        Path file = write("[local]\nembedded = true\n[prod]\nregion = \"eu-west-1\"\n");
        ConsoleException e = assertThrows(ConsoleException.class, () -> ConnectionsFile.read(file).named("staging"));
        assertEquals("There is no connection \"staging\": the connections in " + file + " are local, prod.",
                e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void anUnknownKeyIsRefusedNamingLineConnectionAndKey() throws IOException {
        String message = refusal("[local]\nembedded = true\n\n[prod]\nregion = \"eu-west-1\"\nendpont = \"http://x\"\n");
        assertTrue(message.contains(", line 6, connection prod, key endpont: it is not a key this file knows ("
                + "endpoint, region, embedded, data_dir, profile, table, read_only, production)."), message);
    }

    @Test
    void secretsAreRefusedWithTheAdviceToUseAProfile() throws IOException {
        for (String key : List.of("aws_secret_access_key", "aws_access_key_id", "aws_session_token", "password")) {
            String message = refusal("[prod]\nregion = \"eu-west-1\"\n" + key + " = \"wJalrXUtnFEMI/K7MDENG\"\n");
            assertTrue(message.contains(", line 3, connection prod, key " + key
                    + ": secrets do not belong in this file: name an AWS profile"), message);
            assertFalse(message.contains("wJalrXUtnFEMI"), message);
        }
    }

    @Test
    void valuesOfTheWrongKindAreRefused() throws IOException {
        assertTrue(refusal("[a]\nregion = \"eu-west-1\"\nproduction = \"yes\"\n")
                .contains(", line 3, connection a, key production: it must be true or false."));
        assertTrue(refusal("[a]\nregion = 5\n")
                .contains(", line 2, connection a, key region: it must be a text in quotes, like region = \"...\"."));
        assertTrue(refusal("[a]\nregion = \"\"\n").contains(", key region: it must be a text in quotes"));
    }

    @Test
    void badValuesAreRefused() throws IOException {
        assertTrue(refusal("[a]\nendpoint = \"localhost:8000\"\n")
                .contains(", line 2, connection a, key endpoint: it is not a URL like http://localhost:8000."));
        assertTrue(refusal("[a]\nregion = \"EU West\"\n")
                .contains(", line 2, connection a, key region: it is not a region name like eu-west-1."));
        assertTrue(refusal("[a]\nregion = \"eu-west-1\"\ntable = \"x\"\n")
                .contains(", line 3, connection a, key table: use 3 to 255 letters"));
    }

    @Test
    void contradictoryOrMissingPlacesAreRefused() throws IOException {
        assertTrue(refusal("[a]\nembedded = true\nregion = \"eu-west-1\"\n")
                .contains(", connection a, key embedded: an embedded connection has no endpoint or region."));
        assertTrue(refusal("[a]\nregion = \"eu-west-1\"\ndata_dir = \"d\"\n")
                .contains(", line 3, connection a, key data_dir: it is for embedded = true connections only."));
        assertTrue(refusal("[a]\nprofile = \"ops\"\n")
                .contains(", line 1, connection a: it needs endpoint = \"URL\", region = \"NAME\" or embedded = true."));
    }

    @Test
    void keysOutsideAConnectionAndOddNamesAreRefused() throws IOException {
        assertTrue(refusal("region = \"eu-west-1\"\n[a]\nembedded = true\n")
                .contains(", line 1: \"region\" is not inside a connection: start each connection with a [NAME] line."));
        assertTrue(refusal("[\"my prod\"]\nregion = \"eu-west-1\"\n")
                .contains(", line 1: the connection name \"my prod\" is not 1 to 64 letters"));
    }

    @Test
    void invalidTomlIsRefusedWithItsLine() throws IOException {
        String message = refusal("[a]\nembedded = true\nregion = \n");
        assertTrue(message.contains("is not valid TOML at line 3: "), message);
    }
}
