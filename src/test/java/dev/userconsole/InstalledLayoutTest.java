package dev.userconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.config.Layout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real program, started as the installed launchers start it ({@code -Duserconsole.layout=installed}) in
 * child JVMs, with HOME and the XDG variables pointed at scratch directories: its files land in the XDG places,
 * owner-only, settings.env is read, and nothing appears in the working directory or the home.
 */
class InstalledLayoutTest {
    private static final String PASSWORD = "Quiet-Lantern-Orbit-47";
    /** Settings an administrator's environment might hold, which would move the files this test looks for. */
    private static final Set<String> SETTINGS = Set.of("USERS_TABLE", "BCRYPT_COST", "DATA_DIR", "LOG_DIR",
            "AUDIT_LOG", "READ_ONLY", "TRASH_TABLE", "TRASH_DAYS", "MIN_PASSWORD_LENGTH", "DYNAMODB_TIMEOUT_SECONDS",
            "USER_CONSOLE_CONNECTION");

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    @Test
    void createTableAndInsertKeepTheirFilesInTheXdgPlaces() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path config = dir.resolve("config/user-console");
        Files.createDirectories(config);
        Files.writeString(config.resolve(Layout.SETTINGS_FILE), "USERS_TABLE=Installed\nBCRYPT_COST=10\n");

        Result created = run(work, "", "create-table");
        assertEquals(0, created.exitCode(), created.err());
        assertTrue(created.err().contains("Created table Installed"), "settings.env's USERS_TABLE: " + created.err());
        Result inserted = run(work, PASSWORD + "\n", "-v", "insert", "--email", "ada@example.com", "--first-name",
                "Ada", "--last-name", "Lovelace", "--password-stdin");
        assertEquals(0, inserted.exitCode(), inserted.err());
        Path data = dir.resolve("share/user-console");
        assertTrue(inserted.err().contains("table Installed on embedded DynamoDB Local, data in " + data),
                inserted.err());

        Path state = dir.resolve("state/user-console");
        assertTrue(Files.isRegularFile(data.resolve("shared-local-instance.db")), "the store is in XDG_DATA_HOME");
        assertTrue(Files.isRegularFile(state.resolve("user-console.log")), "the log is in XDG_STATE_HOME");
        List<String> audit = Files.readAllLines(state.resolve("audit.jsonl"), StandardCharsets.UTF_8);
        assertEquals(2, audit.size(), audit.toString());
        assertTrue(audit.get(1).contains("\"table\":\"Installed\"") && audit.get(1).contains("\"action\":\"insert\"")
                && audit.get(1).contains("\"outcome\":\"ok\""), audit.get(1));
        for (Path own : List.of(data, state, data.getParent(), state.getParent())) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(own)), own.toString());
        }
        assertEquals(List.of(), entries(work), "nothing is created in the working directory");
        assertEquals(List.of(), entries(home), "nothing is created in the home either: the XDG variables name it all");
        assertFalse(Files.readString(state.resolve("user-console.log")).contains(PASSWORD));
        assertFalse(String.join("\n", audit).contains(PASSWORD));
    }

    @Test
    void aMalformedSettingsFileIsOneSentenceNamingItAndTheLogStillGoesToTheStatePlace() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(dir.resolve("home"));
        Path settings = Files.createDirectories(dir.resolve("config/user-console")).resolve(Layout.SETTINGS_FILE);
        Files.writeString(settings, "USERS_TABLE=Installed\nexport AWS_SECRET_ACCESS_KEY=unterminated-secret\n");

        Result listed = run(work, "", "list");
        assertEquals(2, listed.exitCode(), listed.err());
        assertEquals("error: The settings file " + settings + " cannot be read: line 2 is not KEY=VALUE.",
                listed.err().strip());
        assertTrue(Files.isRegularFile(dir.resolve("state/user-console/user-console.log")),
                "logging starts in the installed place even when the settings cannot be read");
        assertEquals(List.of(), entries(work));
    }

    /** Runs the program with HOME and XDG_* in {@link #dir}, none of the program's settings in its environment. */
    private Result run(Path work, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-D" + Layout.PROPERTY + "=" + Layout.INSTALLED,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("XDG_")
                || SETTINGS.contains(name));
        builder.environment().put("HOME", dir.resolve("home").toString());
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        builder.environment().put("XDG_DATA_HOME", dir.resolve("share").toString());
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the program did not finish");
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static List<Path> entries(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        }
    }
}
