package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import dev.userconsole.testing.HostileCase;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.testing.TerminalSafety;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.UserController;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The catalog's cases marked {@code "tui": true}, through the real console screens on a virtual terminal:
 * items other tools stored show in the user browser and the update form, and hostile text typed into the
 * insert form gets field errors; the console never fails and every cell on screen is printable.
 */
class HostileConsoleTest {
    private final String table = LocalDynamoDb.freshTableName();
    private UserController store;
    private DynamoDbClient raw;
    private VirtualConsole console;

    static Stream<HostileCase> storedCases() {
        return HostileCase.forConsole("stored");
    }

    static Stream<HostileCase> insertCases() {
        return HostileCase.forConsole("insert");
    }

    @BeforeEach
    void setUp() {
        store = LocalDynamoDb.controller(table);
        store.createTable(false);
        raw = LocalDynamoDb.rawClient();
    }

    @AfterEach
    void tearDown() {
        if (console != null) {
            console.close();
        }
        store.close();
        raw.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedCases")
    void aStoredItemShowsSafelyInTheBrowserAndTheUpdateForm(HostileCase c) {
        Map<String, AttributeValue> item = c.item();
        raw.putItem(b -> b.tableName(table).item(item));
        console = new VirtualConsole(80, 24, () -> LocalDynamoDb.controller(table), table);
        console.type("r");
        console.waitFor("1 user (all loaded)");
        assertPrintable("the browser");
        assertAligned();
        console.press(KeyType.Enter);
        console.waitFor("Update");
        assertPrintable("the user's actions");
        console.press(KeyType.Enter);
        console.waitFor("Leave the password empty");
        assertPrintable("the update form");
        console.press(KeyType.Escape);
        console.waitFor("1 user (all loaded)");
        assertFalse(console.quit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insertCases")
    void hostileTextTypedIntoTheInsertFormGetsAFieldError(HostileCase c) {
        console = new VirtualConsole(80, 24, () -> LocalDynamoDb.controller(table), table);
        console.waitFor("Table " + table + ": ACTIVE");
        console.type("i");
        console.waitFor("Insert user");
        String password = c.text("input.password").orElseThrow();
        for (String field : new String[] {"firstName", "lastName", "email"}) {
            console.paste(c.text("input." + field).orElseThrow());
            console.press(KeyType.Tab);
            assertPrintable("the insert form while typing " + field);
        }
        console.paste(password);
        console.press(KeyType.Tab);
        console.paste(password);
        console.press(KeyType.Tab);
        console.press(KeyType.Enter);
        String typed = c.text("input.firstName").orElseThrow() + c.text("input.lastName").orElseThrow();
        int exit = c.number("expect.exit").orElseThrow();
        if (!VisibleText.PRINTABLE_TEXT.matcher(typed).matches()) {
            // the form ignores keys that would add such a character; whatever is saved holds none
            console.waitFor("the form to finish", t -> !console.ui.backend().isBusy());
            store.list().forEach(u -> assertTrue(VisibleText.PRINTABLE_TEXT.matcher(u.firstName() + u.lastName())
                    .matches(), u.toString()));
        } else if (exit == 0) {
            console.waitFor("Created user");
            assertEquals(1, store.list().count());
        } else {
            String reason = c.text("expect.message").orElseThrow().replaceFirst("^(email|first name|last name|password): ", "");
            console.waitFor("! " + reason.substring(0, Math.min(reason.length(), 24)));
            assertEquals(0, store.list().count(), "nothing is sent while a field is invalid");
        }
        assertPrintable("the insert form after Save");
        assertFalse(console.text().contains(password), "the password is masked");
    }

    /**
     * No cell of the virtual screen holds a character that would drive a real terminal. Lanterna keeps a
     * character outside the BMP as its two UTF-16 halves in two cells, so each row is checked as one string.
     */
    private void assertPrintable(String where) {
        TerminalSize size = console.terminal.getTerminalSize();
        for (int row = 0; row < size.getRows(); row++) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < size.getColumns(); column++) {
                line.append(console.terminal.getCharacter(column, row).getCharacterString());
            }
            assertEquals("safe", TerminalSafety.describe(line.toString()), where + " on row " + row + ":\n"
                    + VisibleText.of(console.text()));
        }
    }

    /** Wide characters take two columns: the Created column starts at the same column on every row. */
    private void assertAligned() {
        String header = console.lineWith("Created");
        int created = VisibleText.width(header.substring(0, header.indexOf("Created")));
        console.text().lines().filter(l -> l.contains("2023-09-20")).forEach(line ->
                assertEquals(created, VisibleText.width(line.substring(0, line.indexOf("2023-09-20"))),
                        "aligned:\n" + console.text()));
        assertTrue(created > 0);
    }
}
