package dev.userconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.NewUser;
import dev.userconsole.users.UserController;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDynamoDbTest {
    @TempDir
    Path dataDir;

    private Settings settings() {
        return new Settings(new Target.Embedded(dataDir), "User", Settings.MIN_BCRYPT_COST, Duration.ofSeconds(10),
                dataDir.resolve("logs"));
    }

    @Test
    void usersAreStillThereAfterARestart() {
        try (UserController users = UserController.open(settings())) {
            users.createTable(false);
            users.insert(new NewUser("kept@example.com", "Kept", "User", "password-1"));
        }
        assertTrue(Files.isRegularFile(dataDir.resolve("shared-local-instance.db")));
        try (UserController users = UserController.open(settings())) {
            assertEquals("Kept", users.get("kept@example.com").firstName());
            assertTrue(users.where().contains(dataDir.toString()));
        }
    }

    @Test
    void aMissingTableIsReportedAsSuchByEveryKindOfCall() {
        try (UserController users = UserController.open(settings())) {
            assertEquals(Problem.TABLE_MISSING, assertThrows(ConsoleException.class, () -> users.list().count()).problem());
            assertEquals(Problem.TABLE_MISSING,
                    assertThrows(ConsoleException.class, () -> users.list(2).count()).problem());
            assertEquals(Problem.TABLE_MISSING,
                    assertThrows(ConsoleException.class, () -> users.get("a@example.com")).problem());
            assertEquals(Problem.TABLE_MISSING, assertThrows(ConsoleException.class,
                    () -> users.insert(new NewUser("a@example.com", "A", "B", "password-1"))).problem());
        }
    }

    @Test
    void aSecondUserOfTheSameDataDirectoryIsToldItIsInUse() {
        try (UserController first = UserController.open(settings())) {
            first.createTable(false);
            ConsoleException e = assertThrows(ConsoleException.class, () -> UserController.open(settings()));
            assertEquals(Problem.DATA_DIR_IN_USE, e.problem());
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            assertTrue(first.describeTable().isPresent(), "the first user is unaffected");
        }
        try (UserController again = UserController.open(settings())) {
            assertTrue(again.describeTable().isPresent(), "the lock is released on close");
        }
    }

    @Test
    void aServerOnTheSameDirectoryIsRefusedWhileTheEmbeddedOneIsOpen() {
        try (UserController embedded = UserController.open(settings())) {
            ConsoleException e = assertThrows(ConsoleException.class, () -> LocalServer.startOnDisk(0, dataDir));
            assertEquals(Problem.DATA_DIR_IN_USE, e.problem());
        }
    }
}
