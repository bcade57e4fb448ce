package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.userconsole.config.Settings;
import dev.userconsole.store.DynamoDbs;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.users.NewUser;
import dev.userconsole.users.PasswordHasher;
import dev.userconsole.users.UserChanges;
import dev.userconsole.users.UserController;
import dev.userconsole.users.WriteGuard;
import dev.userconsole.users.audit.AuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Enter on a user in Read users: its details, its history, and back to the list where it was. */
class UserDetailsConsoleTest {
    private final String table = LocalDynamoDb.freshTableName();
    @TempDir
    Path dir;
    private UserController store;
    private DynamoDbClient raw;
    private VirtualConsole console;

    /** Controllers that audit to one file, as the program's do. */
    private UserController audited() {
        Settings settings = LocalDynamoDb.settings(table);
        return new UserController(DynamoDbs.open(settings), table, new PasswordHasher(settings.bcryptCost()),
                Clock.systemUTC(), new WriteGuard(false, AuditLog.to(dir.resolve("audit.jsonl"), "http://test", table)));
    }

    @BeforeEach
    void setUp() {
        store = audited();
        raw = LocalDynamoDb.rawClient();
        store.createTable(false);
    }

    @AfterEach
    void tearDown() {
        if (console != null) {
            console.close();
        }
        store.close();
        raw.close();
    }

    @Test
    void enterShowsEveryAttributeAndTheHashDescriptionHistoryShowsTheLinesAndEscGoesBack() {
        store.insert(new NewUser("amy@example.com", "Amy", "First", "password-1"));
        store.insert(new NewUser("zed@example.com", "Zed", "Last", "password-1"));
        for (int i = 0; i < 30; i++) {
            store.update("zed@example.com", new UserChanges("Zed" + i, null, null));
        }
        raw.updateItem(b -> b.tableName(table).key(Map.of("emailAddress", AttributeValue.fromS("zed@example.com")))
                .updateExpression("SET loginCount = :n, bio = :bio")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("12"),
                        ":bio", AttributeValue.fromS("b".repeat(3000) + "\u001b[2J"))));
        String hash = raw.getItem(b -> b.tableName(table).key(Map.of("emailAddress",
                AttributeValue.fromS("zed@example.com")))).item().get("password").s();
        console = new VirtualConsole(80, 24, this::audited, table);
        console.type("r");
        console.waitFor("2 users (all loaded)");
        console.type("s"); // sort by email: zed is second
        console.press(KeyType.ArrowDown);
        String selected = console.lineWith("zed@example.com");
        console.press(KeyType.Enter);

        String details = console.waitFor("Password: bcrypt $2a$");
        assertTrue(details.contains("Password: bcrypt $2a$, cost 10 (never shown)"), details);
        assertFalse(details.contains(hash.substring(7, 30)), "never the hash:\n" + details);
        assertTrue(console.lineWith("UTC   ").contains(" UTC"), details);
        assertTrue(console.lineWith("local ").contains("local 20"), details);
        for (String action : new String[] {"Update", "Delete", "Lock", "Reset password", "History", "Close"}) {
            assertTrue(details.lines().anyMatch(l -> l.strip().startsWith("│ " + action) || l.contains(" " + action + " ")
                    || l.contains(action)), action + ":\n" + details);
        }
        details.lines().forEach(l -> assertTrue(l.length() <= 80, "the layout holds on 80 columns: " + l));
        console.press(KeyType.Tab); // to the attributes, scrolled to their end
        console.press(KeyType.End);
        console.waitFor("bio");
        assertTrue(console.lineWith("bio").contains("…"), "a long value is cut, not wrapped:\n" + console.text());
        console.press(KeyType.Tab); // back to the actions

        console.press(KeyType.ArrowDown, 4); // History
        console.press(KeyType.Enter);
        String history = console.waitFor("31 entries, newest first");
        assertTrue(console.lineWith("update").contains("firstName"), history);
        assertFalse(history.contains("insert"), "newest first: the insert is the last line:\n" + history);
        assertFalse(history.contains("amy@example.com"), "only zed's lines:\n" + history);
        console.press(KeyType.End);
        String oldest = console.waitFor("insert");
        assertTrue(console.lineWith("insert").contains(System.getProperty("user.name") + "@"), oldest);

        console.press(KeyType.Escape);
        console.waitFor("Password: bcrypt $2a$");
        console.press(KeyType.Tab); // the attributes scroll
        console.press(KeyType.ArrowDown, 12);
        String scrolled = console.waitFor("loginCount");
        assertTrue(console.lineWith("loginCount").matches(".*loginCount +N +12 .*"), scrolled);
        console.press(KeyType.Escape);
        String list = console.waitFor("the list again", t -> !t.contains("Password:"));
        assertEquals(selected, console.lineWith("zed@example.com"), "the selection is kept");
        console.press(KeyType.Enter);
        console.waitFor("Password: bcrypt $2a$");
        assertTrue(console.text().contains("zed@example.com"), list);
    }
}
