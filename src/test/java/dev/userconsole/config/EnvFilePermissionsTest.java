package dev.userconsole.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ssh-style warning about a .env with a secret key that others can read. */
class EnvFilePermissionsTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    @TempDir
    Path dir;

    private Path envFile(String permissions, String content) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void aSecretKeyReadableByOthersGetsOneSentenceSayingHowToFixIt() throws Exception {
        Path file = envFile("rw-r--r--", "AWS_ACCESS_KEY_ID=AKIDEXAMPLE\nAWS_SECRET_ACCESS_KEY=" + SECRET + "\n");
        Optional<String> warning = EnvFilePermissions.warning(file, DotenvFile.read(dir));
        assertTrue(warning.isPresent());
        assertEquals(1, warning.get().lines().count());
        assertTrue(warning.get().contains("chmod 600 " + file), warning.get());
        assertFalse(warning.get().contains(SECRET), "the key itself is never shown");
        assertTrue(EnvFilePermissions.warning(envFile("rw-r-----", "AWS_SECRET_ACCESS_KEY=" + SECRET),
                DotenvFile.read(dir)).isPresent(), "group-readable counts too");
    }

    @Test
    void aPrivateFileOrOneWithoutASecretKeyIsFine() throws Exception {
        Path file = envFile("rw-------", "AWS_SECRET_ACCESS_KEY=" + SECRET + "\n");
        assertTrue(EnvFilePermissions.warning(file, DotenvFile.read(dir)).isEmpty());
        Path open = envFile("rw-r--r--", "USERS_TABLE=User\nAWS_SECRET_ACCESS_KEY=\n");
        assertTrue(EnvFilePermissions.warning(open, DotenvFile.read(dir)).isEmpty());
        assertTrue(EnvFilePermissions.warning(dir.resolve("missing"), Map.of()).isEmpty());
    }

    @Test
    void theLoaderCarriesTheWarningForTheFacesToShowOnce() throws Exception {
        envFile("rw-rw-r--", "AWS_SECRET_ACCESS_KEY=" + SECRET + "\n");
        assertEquals(1, SettingsLoader.fromSystem(dir).warnings().size());
        envFile("rw-------", "AWS_SECRET_ACCESS_KEY=" + SECRET + "\n");
        assertTrue(SettingsLoader.fromSystem(dir).warnings().isEmpty());
    }
}
