package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.users.NewUser;
import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Lock, unlock and password reset from a user's actions in Read users, on a virtual terminal. */
class AccountActionsConsoleTest {
    private static final String EMAIL = "kim@example.com";
    private static final String PASSWORD = "password-1";
    private final String table = LocalDynamoDb.freshTableName();
    private UserController store;
    private VirtualConsole console;

    @BeforeEach
    void setUp() {
        store = LocalDynamoDb.controller(table);
        store.createTable(false);
        store.insert(new NewUser(EMAIL, "Kim", "Park", PASSWORD));
    }

    @AfterEach
    void tearDown() {
        if (console != null) {
            console.close();
        }
        store.close();
    }

    /** The list open on the only user, its actions dialog open, {@code down} steps below Update. */
    private void chooseAction(boolean readOnly, String action, int down) {
        if (console == null) {
            console = new VirtualConsole(80, 24, () -> LocalDynamoDb.controller(table), table, readOnly);
            console.type("r");
        }
        console.waitFor("1 user (all loaded)");
        console.settle();
        console.press(KeyType.Enter);
        console.waitFor(action);
        console.press(KeyType.ArrowDown, down);
        console.press(KeyType.Enter);
    }

    /** The line two below "shown once:" in the new password's dialog, without its frame. */
    private static String shownPassword(String screen) {
        List<String> lines = screen.lines().toList();
        int at = lines.indexOf(lines.stream().filter(l -> l.contains("shown once:")).findFirst().orElseThrow());
        return lines.get(at + 2).replace("│", "").strip();
    }

    @Test
    void lockAsksForAReasonMarksTheUserAndUnlockLiftsIt() {
        chooseAction(false, "Lock", 2);
        console.waitFor("Reason (optional):");
        console.type("on leave");
        console.press(KeyType.Tab);
        console.press(KeyType.Enter);
        console.waitFor("Locked user kim@example.com: no password matches until it is unlocked.");
        assertTrue(store.get(EMAIL).locked());
        try (DynamoDbClient raw = LocalDynamoDb.rawClient()) {
            assertEquals("on leave", raw.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of(User.EMAIL, AttributeValue.fromS(EMAIL)))).item().get(User.LOCK_REASON).s());
        }
        assertEquals(Problem.LOCKED, assertThrows(ConsoleException.class,
                () -> store.checkPassword(EMAIL, PASSWORD)).problem());
        console.press(KeyType.Enter);
        console.waitFor("Locked");
        console.settle();
        assertTrue(console.lineWith(EMAIL).endsWith("locked"), console.text());

        chooseAction(false, "Unlock", 2);
        String screen = console.waitFor("Its old password works again.");
        assertTrue(screen.contains("Unlock kim@example.com in table " + table + "?"), screen);
        console.press(KeyType.ReverseTab); // from Cancel to Unlock
        console.press(KeyType.Enter);
        console.waitFor("Unlocked user kim@example.com: its password works again.");
        assertTrue(store.checkPassword(EMAIL, PASSWORD));
        console.press(KeyType.Enter);
        console.settle();
        assertFalse(console.lineWith(EMAIL).endsWith("locked"), console.text());
    }

    @Test
    void resetShowsTheNewPasswordOnceAndClosingClearsIt() {
        store.lock(EMAIL, "forgot it");
        chooseAction(false, "Reset password", 3);
        console.waitFor("Also unlock the user");
        console.press(KeyType.Tab); // to "Also unlock"
        console.type(" ");
        console.press(KeyType.Tab); // to Reset
        console.press(KeyType.Enter);
        String screen = console.waitFor("shown once:");
        assertTrue(screen.contains("The user is unlocked."), screen);
        String password = shownPassword(screen);
        assertTrue(password.matches("[2-9A-HJ-NP-Za-km-np-z]{20}"), screen);
        assertTrue(store.checkPassword(EMAIL, password), "the shown password is the stored one, unlocked");

        console.press(KeyType.Enter); // OK
        console.settle();
        String after = console.waitFor("1 user (all loaded)");
        assertFalse(after.contains(password), after);
        assertFalse(after.contains("shown once"), after);
        assertFalse(console.lineWith(EMAIL).endsWith("locked"), after);
    }

    @Test
    void aPassphraseResetKeepsALockedUserLockedUnlessAsked() {
        store.lock(EMAIL, null);
        chooseAction(false, "Reset password", 3);
        console.waitFor("A passphrase of 5 words");
        console.type(" "); // tick "A passphrase"
        console.press(KeyType.Tab, 2); // past "Also unlock", to Reset
        console.press(KeyType.Enter);
        String screen = console.waitFor("shown once:");
        assertTrue(screen.contains("The user is still locked"), screen);
        String phrase = shownPassword(screen);
        assertTrue(phrase.matches("[a-z]{4,8}(-[a-z]{4,8}){4}"), screen);
        assertTrue(store.get(EMAIL).locked());
        console.press(KeyType.Escape); // Esc closes it too, and clears it
        console.settle();
        assertFalse(console.text().contains(phrase));
        store.unlock(EMAIL);
        assertTrue(store.checkPassword(EMAIL, phrase));
    }

    @Test
    void readOnlyShowsTheActionsDisabledAndSaysWhy() {
        chooseAction(true, "Lock  (disabled: read-only)", 2);
        console.waitFor("Read-only: nothing can be changed here");
        console.press(KeyType.Enter);
        console.press(KeyType.Escape); // the details stay open under the refusal
        chooseAction(true, "Reset password  (disabled: read-only)", 3);
        console.waitFor("Read-only: nothing can be changed here");
        assertFalse(store.get(EMAIL).locked());
        assertTrue(store.checkPassword(EMAIL, PASSWORD));
    }
}
