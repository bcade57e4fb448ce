package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.input.KeyType;
import dev.userconsole.config.Credentials;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.testing.FaultProxy;
import dev.userconsole.testing.FaultProxy.Fault;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.users.UserController;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console reaches DynamoDB Local through a fault-injecting proxy: it keeps answering keys while calls hang. */
class ConsoleFaultsTest {
    private final String table = LocalDynamoDb.freshTableName();
    private FaultProxy proxy;
    private UserController store;
    private VirtualConsole console;

    @BeforeEach
    void openTheConsoleThroughTheProxy() throws IOException {
        store = LocalDynamoDb.controller(table);
        store.createTable(true);
        proxy = new FaultProxy(LocalDynamoDb.server().port());
        Settings settings = new Settings(new Target.Endpoint(proxy.endpoint(), "us-east-1", Credentials.placeholder()),
                table, Settings.MIN_BCRYPT_COST, Duration.ofMillis(1500), Path.of("target", "test-logs"));
        console = new VirtualConsole(80, 24, () -> UserController.open(settings), table);
        console.waitFor("Table " + table + ": ACTIVE");
    }

    @AfterEach
    void close() throws IOException {
        console.close();
        store.close();
        proxy.close();
    }

    private void submitInsertForm(String email) {
        console.submitInsertForm("Hang", "Tester", email, "password-1", "password-1");
    }

    /** Tabs through the form until Save has the focus. */
    private void tabToSave() {
        for (int i = 0; i < 10 && !(console.gui.getActiveWindow().getFocusedInteractable() instanceof Button save
                && save.getLabel().equals("Save")); i++) {
            console.press(KeyType.Tab);
        }
    }

    @Test
    void keysWorkWhileAnInsertHangsAndTheTruthIsReportedThenItWorksAgain() {
        proxy.inject(Fault.BLACK_HOLE);
        submitInsertForm("hang@example.com");
        console.waitFor("Saving user...");

        // the call hangs in the background; the screen still answers keys
        console.press(KeyType.F1);
        console.waitFor("Tab, Shift-Tab  next / previous field or button");
        console.press(KeyType.Escape);
        String form = console.waitFor("help closed", t -> !t.contains("Tab, Shift-Tab  next / previous"));
        assertTrue(form.contains("Saving"), form);

        String error = console.waitFor("when the database");
        assertTrue(error.contains("Error") && error.contains("up hang@example.com"), error);
        assertFalse(error.contains("Exception"), "the details only on request:\n" + error);
        console.type("d");
        console.waitFor("Kind: OUTCOME_UNKNOWN");
        console.press(KeyType.Escape);

        proxy.clear();
        console.waitFor("Save enabled again", t -> !console.ui.backend().isBusy());
        assertTrue(store.find("hang@example.com").isEmpty(), "the black hole never passed the insert on");
        tabToSave();
        console.press(KeyType.Enter);
        console.waitFor("Created user hang@example.com (Hang Tester).");
        assertEquals("Hang", store.get("hang@example.com").firstName());
        assertFalse(console.quit);
    }

    @Test
    void aResetAfterTheInsertIsWrittenIsReportedAsCreatedOnScreen() {
        proxy.injectInto("PutItem", Fault.RESET_MID_RESPONSE, 1);
        submitInsertForm("reset@example.com");
        console.waitFor("Created user reset@example.com (Hang Tester).");
        assertFalse(console.text().contains("already exists"), console.text());
        assertEquals("Hang", store.get("reset@example.com").firstName());
    }

    @Test
    void theMenuRedrawsAndTheListReportsAHangingReadInTime() {
        proxy.inject(Fault.DELAY);
        proxy.delay(Duration.ofSeconds(5));
        console.type("r");
        console.waitFor("Loading users...");
        console.press(KeyType.Escape);
        console.waitFor("Insert user");
        console.waitFor("Error");
        console.press(KeyType.Escape);
        proxy.clear();
        console.type("r");
        console.waitFor("0 users (all loaded)");
    }
}
