package dev.userconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.Credentials;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.UserController;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnreachableEndpointTest {

    private static Settings settingsFor(URI endpoint) {
        return new Settings(new Target.Endpoint(endpoint, "us-east-1", Credentials.placeholder()), "User",
                Settings.MIN_BCRYPT_COST, Duration.ofSeconds(3), Path.of("target", "test-logs"));
    }

    @Test
    void aClosedPortGivesAClearMessage() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (UserController users = UserController.open(settingsFor(URI.create("http://127.0.0.1:" + port)))) {
            ConsoleException e = assertThrows(ConsoleException.class, users::describeTable);
            assertEquals(Problem.UNREACHABLE, e.problem());
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
            assertEquals(3, e.exitCode());
        }
    }

    @Test
    void aServerThatNeverAnswersGivesAClearMessage() throws IOException {
        // accepts connections (the kernel completes the handshake) but never reads or answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             UserController users = UserController.open(
                     settingsFor(URI.create("http://127.0.0.1:" + silent.getLocalPort())))) {
            ConsoleException e = assertThrows(ConsoleException.class, () -> users.get("a@example.com"));
            assertEquals(Problem.UNREACHABLE, e.problem());
        }
    }
}
