package dev.userconsole.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotenvFileTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileIsEmpty() {
        assertEquals(Map.of(), DotenvFile.read(dir));
    }

    @Test
    void readsOnlyWhatTheFileDeclares() throws IOException {
        Files.writeString(dir.resolve(".env"), "# comment\nUSERS_TABLE=People\nAWS_REGION=''\nLOG_DIR='my logs'\n");
        Map<String, String> values = DotenvFile.read(dir);
        assertEquals("People", values.get("USERS_TABLE"));
        assertEquals("", values.get("AWS_REGION"));
        assertEquals("my logs", values.get("LOG_DIR"));
        assertFalse(values.containsKey("PATH"));
    }

    @Test
    void aMalformedLineIsReportedByNumberWithoutItsContent() throws IOException {
        Files.writeString(dir.resolve(".env"), "USERS_TABLE=People\nexport AWS_SECRET_ACCESS_KEY=unterminated-secret\n");
        ConsoleException e = assertThrows(ConsoleException.class, () -> DotenvFile.read(dir));
        assertEquals(Problem.CONFIGURATION, e.problem());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertFalse(e.getMessage().contains("unterminated-secret"), e.getMessage());
    }

    @Test
    void aByteOrderMarkIsNamedAsTheProblem() throws IOException {
        Files.writeString(dir.resolve(".env"), "\uFEFFUSERS_TABLE=People\n");
        ConsoleException e = assertThrows(ConsoleException.class, () -> DotenvFile.read(dir));
        assertTrue(e.getMessage().endsWith("cannot be read: it starts with a byte-order mark; save it as UTF-8 without"
                + " one."), e.getMessage());
    }
}
