package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.userconsole.config.Options;
import dev.userconsole.config.Settings;
import dev.userconsole.config.SettingsLoader;
import dev.userconsole.config.Switchboard;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.users.NewUser;
import dev.userconsole.users.UserController;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The switcher on a virtual terminal: two tables on DynamoDB Local, one of them production. */
class ConnectionSwitcherTest {
    private final String stagingTable = LocalDynamoDb.freshTableName();
    private final String copyTable = LocalDynamoDb.freshTableName();
    private final String productionTable = LocalDynamoDb.freshTableName();
    @TempDir
    Path home;
    @TempDir
    Path workingDir;
    private SettingsLoader loader;
    private VirtualConsole console;

    @BeforeEach
    void twoTablesAndAConnectionsFile() throws IOException {
        for (String[] tableAndUser : new String[][] {{stagingTable, "alice@staging.example"},
                {copyTable, "bob@copy.example"}, {productionTable, "carol@prod.example"}}) {
            try (UserController users = LocalDynamoDb.controller(tableAndUser[0])) {
                users.createTable(false);
                users.insert(new NewUser(tableAndUser[1], "First", "Last", "password-1"));
            }
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String endpoint = LocalDynamoDb.server().endpoint().toString();
        Path file = home.resolve(".config/user-console/connections.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[staging]\nendpoint = \"" + endpoint + "\"\ntable = \"" + stagingTable + "\"\n"
                + "[copy]\nendpoint = \"" + endpoint + "\"\ntable = \"" + copyTable + "\"\n"
                + "[prod]\nendpoint = \"" + endpoint + "\"\ntable = \"" + productionTable + "\"\nproduction = true\n"
                + "[gone]\nendpoint = \"http://127.0.0.1:" + closedPort + "\"\n");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[default]\nregion = eu-west-1\n[profile ops-admin]\n"
                + "output = json\n");
        loader = new SettingsLoader(workingDir, Map.of("HOME", home.toString(), "BCRYPT_COST", "10",
                SettingsLoader.TIMEOUT_SECONDS, "3"), Map.of(), p -> Optional.empty());
    }

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    private VirtualConsole openOn(String connection) {
        Settings settings = loader.load(Options.none().withConnection(connection, false));
        console = new VirtualConsole(100, 30, settings, new Switchboard(loader, settings));
        console.waitFor("ACTIVE");
        return console;
    }

    /** Opens the switcher with ":" and picks the n-th entry (0: the first connection). */
    private void pick(int index) {
        console.settle();
        console.type(":");
        console.waitFor("Connections (");
        console.press(KeyType.ArrowDown, index);
        console.press(KeyType.Enter);
    }


    @Test
    void theSwitcherListsConnectionsAndProfilesAndSwitchingShowsTheOtherTablesUsers() {
        openOn("staging");
        assertTrue(console.lineWith("Table " + stagingTable).startsWith(" staging | Table " + stagingTable),
                console.lineWith("Table "));
        console.type("r");
        console.waitFor("alice@staging.example");
        console.press(KeyType.Escape);
        console.type(":");
        String switcher = console.waitFor("Connections (");
        for (String entry : new String[] {" staging ", " copy ", " prod ", "PRODUCTION", " gone ", "profile default",
                "profile ops-admin"}) {
            assertTrue(switcher.contains(entry), entry + " in\n" + switcher);
        }
        console.press(KeyType.Escape);

        pick(1);
        console.waitFor("Now on connection copy: table " + copyTable);
        console.press(KeyType.Enter);
        console.waitFor(" copy | Table " + copyTable + ": ACTIVE");
        console.type("r");
        String users = console.waitFor("bob@copy.example");
        assertFalse(users.contains("alice@staging.example"), users);
    }

    @Test
    void theMenuEntryOpensTheSwitcherToo() {
        openOn("staging");
        String menu = console.waitFor("Switch connection");
        assertTrue(menu.contains("s   Switch connection (:)"), menu);
        console.type("s");
        console.waitFor("profile ops-admin");
    }

    @Test
    void aConnectionThatFailsLeavesThePreviousOneInPlaceAndSaysWhy() {
        openOn("staging");
        pick(3);
        String error = console.waitFor("Still on table " + stagingTable + " on staging.");
        assertTrue(error.contains("Could not switch:"), error);
        console.press(KeyType.Escape);
        assertTrue(console.lineWith("Table " + stagingTable).startsWith(" staging |"));
        console.type("r");
        console.waitFor("alice@staging.example");
    }

    @Test
    void productionIsRedReadOnlyAndNamedUntilItsNameIsTyped() {
        openOn("staging");
        pick(2);
        console.waitFor("prod is production: it opens read-only.");
        console.press(KeyType.Enter); // nothing typed: read-only
        console.waitFor("Read-only: connection prod is production; give --write to change it.");
        console.press(KeyType.Enter);
        String status = console.waitFor(" PRODUCTION prod | READ-ONLY | Table " + productionTable);
        assertEquals(TextColor.ANSI.RED, console.terminal.getCharacter(1, 0).getBackgroundColor(), status);
        console.type("i");
        String refused = console.waitFor("Read-only: nothing can be changed here (connection prod is production;");
        assertTrue(refused.contains("press : and choose prod again, typing its name to"), refused);
        console.press(KeyType.Enter);

        pick(2);
        console.waitFor("To allow writes on prod, type its name");
        console.type("pro");
        console.press(KeyType.Enter);
        console.waitFor("That is not prod; type it exactly, or leave it empty.");
        console.type("d");
        console.press(KeyType.Enter);
        console.waitFor("Now on connection prod: table " + productionTable);
        console.press(KeyType.Enter);
        String writable = console.waitFor(" PRODUCTION prod | Table " + productionTable + ": ACTIVE");
        assertFalse(writable.contains("READ-ONLY"), writable);
        assertEquals(TextColor.ANSI.RED, console.terminal.getCharacter(1, 0).getBackgroundColor(), writable);

        console.type("m");
        console.waitFor("Import users into table " + productionTable + " on prod.");
        console.press(KeyType.Escape);
        console.type("r");
        console.waitFor("carol@prod.example");
        console.press(KeyType.Enter);
        console.waitFor("Delete");
        console.press(KeyType.ArrowDown);
        console.press(KeyType.Enter);
        console.waitFor("Delete carol@prod.example from table " + productionTable + " on prod?");
        console.press(KeyType.ReverseTab);
        console.press(KeyType.Enter);
        console.waitFor("Deleted user carol@prod.example.");
        assertFalse(LocalDynamoDb.stored(productionTable, "carol@prod.example"));
        assertTrue(LocalDynamoDb.stored(stagingTable, "alice@staging.example"));
    }

    @Test
    void startingOnProductionIsRedAndReadOnlyWhileOtherConnectionsKeepTheUsualLook() {
        openOn("prod");
        String screen = console.waitFor(" PRODUCTION prod | READ-ONLY | Table " + productionTable + ": ACTIVE");
        assertEquals(TextColor.ANSI.RED, console.terminal.getCharacter(1, 0).getBackgroundColor(), screen);
        assertTrue(screen.contains("Delete user  (disabled: read-only)"), screen);
        console.close();
        openOn("staging");
        assertTrue(console.terminal.getCharacter(1, 0).getBackgroundColor() != TextColor.ANSI.RED);
    }

    @Test
    void aProfileWithoutARegionIsRefusedAndTheConsoleStaysWhereItWas() {
        openOn("staging");
        pick(5); // staging, copy, prod, gone, profile default, profile ops-admin
        console.waitFor("The AWS profile ops-admin names no region");
        console.press(KeyType.Escape);
        assertTrue(console.lineWith("Table " + stagingTable).startsWith(" staging |"));
    }
}
