package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.testing.UnhealthyTable;
import dev.userconsole.users.UserController;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The health report screen on a virtual 80x24 terminal, over a table seeded with every defect. */
class HealthConsoleTest {
    private final String table = LocalDynamoDb.freshTableName();
    private final DynamoDbClient raw = LocalDynamoDb.rawClient();
    private VirtualConsole console;

    @BeforeEach
    void seed() {
        try (UserController store = LocalDynamoDb.controller(table)) {
            store.createTable(true);
        }
        UnhealthyTable.seed(raw, table);
    }

    @AfterEach
    void tearDown() {
        if (console != null) {
            console.close();
        }
        raw.close();
    }

    private Set<String> keys() {
        return raw.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                .map(item -> item.get("emailAddress").s()).collect(Collectors.toSet());
    }

    private String openReport(boolean readOnly) {
        console = new VirtualConsole(80, 24, () -> LocalDynamoDb.controller(table), table, readOnly);
        console.waitFor("Table " + table + ": ACTIVE");
        assertTrue(console.text().contains("h   Health report"), console.text());
        console.type("h");
        return console.waitFor("problems in table " + table);
    }

    @Test
    void theReportShowsWhatItFoundAndTheKeyFixIsConfirmedThenAppliedUserByUser() {
        String screen = openReport(false);
        assertTrue(screen.contains("bcrypt hashes with a cost below the minimum 10"), screen);
        assertTrue(screen.contains("weak@example.com: bcrypt $2a$, cost 4"), screen);
        assertTrue(screen.contains("Lock the accounts with weak or broken hashes: 6 users"), screen);
        assertTrue(screen.contains("Move items to their normalised keys: 2 users"), screen);
        assertTrue(screen.contains("Repair dates: 2 users"), screen);
        assertFalse(screen.contains(UnhealthyTable.GOOD_2A.substring(7)), "never a hash on screen");

        console.press(KeyType.ArrowDown);
        console.press(KeyType.Enter);
        String confirm = console.waitFor("Move items to their normalised keys: 2 users in table");
        assertTrue(confirm.contains("Upper@Example.com: normalised: upper@example.com"), confirm);
        assertTrue(confirm.contains(table + " (endpoint http://127.0.0.1:"), "names the table and connection: " + confirm);
        console.press(KeyType.Enter);
        console.waitFor("the confirmation to close on Cancel", t -> !t.contains("Each user is read again"));
        assertTrue(keys().contains("Upper@Example.com"), "Cancel changed nothing");

        console.press(KeyType.Enter);
        console.waitFor("Each user is read again");
        console.press(KeyType.Tab);
        console.press(KeyType.Enter);
        String result = console.waitFor("Done 2, changed by someone else 0, not found 0, refused 0, failed 0.");
        assertTrue(result.contains("Upper@Example.com: done (moved to upper@example.com)"), result);
        Set<String> after = keys();
        assertEquals(UnhealthyTable.ITEMS.size(), after.size(), "one item per user");
        assertTrue(after.contains("upper@example.com") && after.contains("spaced@example.com"), after.toString());
        console.press(KeyType.Enter);
        console.settle();
        console.waitFor("the report scanned again", t -> !t.contains("Move items to their normalised keys: 2 users")
                && t.contains("problems in table " + table));
    }

    @Test
    void inReadOnlyModeTheFixesAreMarkedDisabledAndOnlySaySo() {
        String screen = openReport(true);
        assertTrue(screen.contains("Move items to their normalised keys: 2 users  (disabled: read-only)"), screen);
        console.press(KeyType.ArrowDown);
        console.press(KeyType.Enter);
        console.waitFor("Read-only: nothing can be changed here");
        assertTrue(keys().contains("Upper@Example.com"));
    }
}
