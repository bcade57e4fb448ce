package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.testing.TerminalSafety;
import dev.userconsole.users.NewUser;
import dev.userconsole.users.UserController;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code y} in Read users on a virtual terminal against DynamoDB Local, the clipboard the real OSC 52 one
 * writing to a byte stream: exactly the chosen user's email reaches it (never a hash), the footer says so
 * printable, and in the filter field {@code y} is a letter.
 */
class CopyEmailConsoleTest {
    private final String table = LocalDynamoDb.freshTableName();
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private UserController store;
    private VirtualConsole console;

    @BeforeEach
    void setUp() {
        store = LocalDynamoDb.controller(table);
        store.createTable(false);
    }

    @AfterEach
    void tearDown() {
        if (console != null) {
            console.close();
        }
        store.close();
    }

    private void openReadUsers(boolean readOnly, String loaded) {
        console = new VirtualConsole(80, 24, () -> LocalDynamoDb.controller(table), table, readOnly);
        console.ui.copyWith(new Osc52Clipboard(terminal));
        console.type("r");
        console.waitFor(loaded);
    }

    private List<String> copied() {
        return Osc52.copied(terminal.toByteArray());
    }

    @Test
    void yCopiesExactlyTheChosenUsersEmailAndTheFooterSaysSoUntilTheNextKey() {
        store.insert(new NewUser("amy@example.com", "Amy", "Able", "password-1"));
        store.insert(new NewUser("bob@example.com", "Bob", "Baker", "password-1"));
        openReadUsers(false, "2 users (all loaded)");
        console.type("s");
        console.waitFor("sorted by email");
        console.press(KeyType.ArrowDown);
        console.type("y");
        console.waitFor("the footer's note", text -> console.footer().contains(
                "Copied bob@example.com to your clipboard (OSC 52, if your terminal allows it)"));
        assertEquals(List.of("bob@example.com"), copied());
        assertFalse(new String(terminal.toByteArray(), StandardCharsets.US_ASCII).contains("$2")
                || copied().get(0).contains("$2"), "never the hash");

        console.press(KeyType.ArrowUp);
        console.waitFor("the keys back in the footer", text -> console.footer().contains("?, F1 help"));
        assertFalse(console.footer().contains("Copied"), console.footer());

        // in the filter field y is typed, not taken as a command
        console.type("/");
        console.type("y");
        console.waitFor("Filter (/): y");
        assertEquals(List.of("bob@example.com"), copied(), "nothing more was copied");
    }

    @Test
    void aHostileEmailIsCopiedExactlyAndShownPrintableEvenInReadOnlyMode() {
        String email = "evil\u001b]0;pwned\u0007\u009b31m@example.com";
        try (DynamoDbClient raw = LocalDynamoDb.rawClient()) {
            raw.putItem(b -> b.tableName(table).item(Map.of("emailAddress", AttributeValue.fromS(email),
                    "firstName", AttributeValue.fromS("Eve"), "password", AttributeValue.fromS("$2a$10$"
                            + "x".repeat(53)))));
        }
        openReadUsers(true, "1 user (all loaded)");
        console.type("y");
        console.waitFor("the footer's note", text -> console.footer().contains(
                "Copied evil\\x1b]0;pwned\\x07\\x9b31m@example.com to your clipboard"));
        assertEquals(List.of(email), copied());
        assertFalse(new String(terminal.toByteArray(), StandardCharsets.US_ASCII).contains("$2"), "never the hash");
        assertEquals("safe", TerminalSafety.describe(console.text()), "no raw control character on the screen");
    }

    @Test
    void withNoUserYSaysThereIsNothingToCopy() {
        openReadUsers(false, "0 users (all loaded)");
        console.type("y");
        console.waitFor("No user is chosen: nothing to copy.");
        assertEquals(0, terminal.size(), "nothing written to the terminal");
    }
}
