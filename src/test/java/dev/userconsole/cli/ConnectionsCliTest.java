package dev.userconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.SettingsLoader;
import dev.userconsole.testing.CapturedOutput;
import dev.userconsole.testing.LocalDynamoDb;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --connection, USER_CONSOLE_CONNECTION and --write, with two tables on DynamoDB Local named in a connections file. */
class ConnectionsCliTest {
    private final String stagingTable = LocalDynamoDb.freshTableName();
    private final String productionTable = LocalDynamoDb.freshTableName();
    @TempDir
    Path home;
    @TempDir
    Path workingDir;

    private record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void connectionsFile() throws IOException {
        Path file = home.resolve(".config/user-console/connections.toml");
        Files.createDirectories(file.getParent());
        String endpoint = LocalDynamoDb.server().endpoint().toString();
        Files.writeString(file, "[staging]\nendpoint = \"" + endpoint + "\"\ntable = \"" + stagingTable + "\"\n\n"
                + "[prod]\nendpoint = \"" + endpoint + "\"\ntable = \"" + productionTable + "\"\nproduction = true\n");
    }

    /** One command line with HOME at the temporary home and no endpoint or table in the environment. */
    private Result run(Map<String, String> extraEnv, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "BCRYPT_COST", "10"));
        env.putAll(extraEnv);
        SettingsLoader loader = new SettingsLoader(workingDir, env, Map.of(), p -> Optional.empty());
        Io io = new Io(new BufferedReader(new StringReader(stdin)), new PrintWriter(out), new PrintWriter(err), null);
        int code = UserConsoleCommand.run(args, loader::load, io, settings -> 0);
        CapturedOutput.record("ConnectionsCliTest, a command", out + "\n" + err);
        return new Result(code, out.toString(), err.toString());
    }

    private Result run(String... args) {
        return run(Map.of(), "", args);
    }

    /** Inserts bob@example.com, the password on standard input, after these global options. */
    private Result insert(String... globalOptions) {
        List<String> args = new ArrayList<>(List.of(globalOptions));
        args.addAll(List.of("insert", "--email", "bob@example.com", "--first-name", "Bob", "--last-name", "Jones",
                "--password-stdin"));
        return run(Map.of(), "a-password\n", args.toArray(String[]::new));
    }

    @Test
    void theConnectionOptionAndTheVariablePickTheTable() {
        assertEquals(0, run("--connection", "staging", "create-table").exitCode());
        assertEquals(0, insert("--connection", "staging").exitCode());
        assertTrue(LocalDynamoDb.stored(stagingTable, "bob@example.com"));
        Result listed = run(Map.of("USER_CONSOLE_CONNECTION", "staging"), "", "list");
        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.out().contains("bob@example.com"), listed.out());
        Result verbose = run("-v", "--connection", "staging", "list");
        assertTrue(verbose.err().contains("Using connection staging: table " + stagingTable + " on endpoint "),
                verbose.err());
    }

    @Test
    void productionRefusesWritesUntilWriteIsGiven() {
        Result locked = run("--connection", "prod", "create-table");
        assertEquals(1, locked.exitCode(), locked.err());
        assertEquals("error: Read-only mode (connection prod is production; give --write to change it): creating"
                + " tables is refused; nothing was written.", locked.err().strip());
        assertEquals(0, run("--connection", "prod", "--write", "create-table").exitCode());

        Result refused = insert("--connection", "prod");
        assertEquals(1, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("Read-only mode (connection prod is production; give --write to change it):"
                + " inserting users is refused; nothing was written."), refused.err());
        assertFalse(LocalDynamoDb.stored(productionTable, "bob@example.com"));

        Result allowed = run(Map.of("USER_CONSOLE_CONNECTION", "prod"), "a-password\n", "--write", "insert", "--email",
                "bob@example.com", "--first-name", "Bob", "--last-name", "Jones", "--password-stdin");
        assertEquals(0, allowed.exitCode(), allowed.err());
        assertTrue(LocalDynamoDb.stored(productionTable, "bob@example.com"));
    }

    @Test
    void anUnknownConnectionNamesTheOnesThatExistAndExitsWithTwo() {
        Result unknown = run("--connection", "production", "list");
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertEquals("error: There is no connection \"production\": the connections in "
                + home.resolve(".config/user-console/connections.toml") + " are staging, prod.", unknown.err().strip());
        Result fromVariable = run(Map.of("USER_CONSOLE_CONNECTION", "nope"), "", "list");
        assertEquals(2, fromVariable.exitCode(), fromVariable.err());
    }
}
