package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.userconsole.testing.LocalDynamoDb;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console asks for an MFA code in a masked dialog, from the database thread, while the screen runs. */
class MfaDialogTest {
    private static final String SERIAL = "arn:aws:iam::123456789012:mfa/ann";
    private VirtualConsole console;

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    private CompletableFuture<Optional<String>> ask(MfaDialog dialog) {
        console = new VirtualConsole(80, 24, () -> LocalDynamoDb.controller("MfaDialogUsers"), "MfaDialogUsers");
        dialog.attach(console.ui);
        return CompletableFuture.supplyAsync(() -> dialog.code("prod", SERIAL));
    }

    @Test
    void theCodeTypedIsMaskedAndHandedBack() throws Exception {
        CompletableFuture<Optional<String>> answer = ask(new MfaDialog());
        String screen = console.waitFor("Profile prod assumes a role");
        assertTrue(screen.contains(SERIAL), screen);
        console.type("975310");
        String typed = console.waitFor("******");
        assertFalse(typed.contains("975310"), typed);
        console.press(KeyType.Tab);
        console.press(KeyType.Enter);
        assertEquals(Optional.of("975310"), answer.get());
        console.waitFor("the dialog closed", text -> !text.contains("Profile prod assumes a role"));
    }

    @Test
    void escapeGivesNoCodeAndTheCallerGoesOn() throws Exception {
        CompletableFuture<Optional<String>> answer = ask(new MfaDialog());
        console.waitFor("Profile prod assumes a role");
        console.type("12");
        console.press(KeyType.Escape);
        assertEquals(Optional.empty(), answer.get());
    }

    @Test
    void beforeTheConsoleIsDrawnThereIsNoOneToAsk() {
        assertEquals(Optional.empty(), new MfaDialog().code("prod", SERIAL));
    }
}
