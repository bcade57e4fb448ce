package dev.userconsole.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where files go by default: the checkout's places, or the installed copy's XDG places. */
class LayoutTest {
    private static final Path WORK = Path.of("/srv/work");
    private static final Map<String, String> XDG = Map.of("HOME", "/home/ada", "XDG_CONFIG_HOME", "/x/config",
            "XDG_DATA_HOME", "/x/share", "XDG_STATE_HOME", "/x/state");

    @TempDir
    Path dir;

    @Test
    void theCheckoutKeepsEverythingBesideTheWorkingDirectoryWhateverTheEnvironment() {
        Layout expected = new Layout(WORK.resolve("data"), WORK.resolve("logs"), List.of(WORK.resolve(".env")), Set.of());
        assertEquals(expected, Layout.checkout(WORK));
        assertEquals(expected, Layout.of(null, XDG, WORK), "no property: the checkout");
        assertEquals(expected, Layout.of("checkout", XDG, WORK));
        assertEquals(expected, Layout.of("Installed", XDG, WORK), "only the exact value installs");
        assertFalse(expected.ownerOnly(WORK.resolve("data")), "the checkout's directories are created as they were");
    }

    @Test
    void installedFollowsTheXdgVariables() {
        Layout layout = Layout.of(Layout.INSTALLED, XDG, WORK);
        assertEquals(Path.of("/x/share/user-console"), layout.dataDir());
        assertEquals(Path.of("/x/state/user-console"), layout.logDir());
        assertEquals(List.of(WORK.resolve(".env"), Path.of("/x/config/user-console/settings.env")), layout.dotenvFiles());
        assertTrue(layout.ownerOnly(layout.dataDir()));
        assertTrue(layout.ownerOnly(layout.logDir()));
        assertFalse(layout.ownerOnly(WORK.resolve("data")));
        assertFalse(layout.ownerOnly(Path.of("/x/share")), "only the program's own directory, not the base");
    }

    @Test
    void withoutXdgVariablesTheyAreUnderHome() {
        Layout layout = Layout.installed(Map.of("HOME", "/home/ada"), WORK);
        assertEquals(Path.of("/home/ada/.local/share/user-console"), layout.dataDir());
        assertEquals(Path.of("/home/ada/.local/state/user-console"), layout.logDir());
        assertEquals(Path.of("/home/ada/.config/user-console/settings.env"), layout.dotenvFiles().get(1));
    }

    @Test
    void relativeOrEmptyXdgVariablesAreInvalidAndIgnored() {
        Layout layout = Layout.installed(Map.of("HOME", "/home/ada", "XDG_DATA_HOME", "share",
                "XDG_STATE_HOME", "./state", "XDG_CONFIG_HOME", ""), WORK);
        assertEquals(Path.of("/home/ada/.local/share/user-console"), layout.dataDir());
        assertEquals(Path.of("/home/ada/.local/state/user-console"), layout.logDir());
        assertEquals(Path.of("/home/ada/.config/user-console/settings.env"), layout.dotenvFiles().get(1));
        assertEquals(ConnectionsFile.location(Map.of("HOME", "/home/ada", "XDG_CONFIG_HOME", "")).getParent(),
                layout.dotenvFiles().get(1).getParent(), "settings.env is beside connections.toml");
    }

    @Test
    void withoutHomeTheWorkingDirectoryKeepsWhatNoXdgVariableNames() {
        assertEquals(Layout.checkout(WORK), Layout.installed(Map.of(), WORK), "nothing to go on: the checkout's places");
        assertEquals(Layout.checkout(WORK), Layout.installed(Map.of("HOME", "relative/home"), WORK));
        Layout partly = Layout.installed(Map.of("XDG_STATE_HOME", "/x/state"), WORK);
        assertEquals(WORK.resolve("data"), partly.dataDir());
        assertEquals(Path.of("/x/state/user-console"), partly.logDir());
        assertEquals(List.of(WORK.resolve(".env")), partly.dotenvFiles());
        assertFalse(partly.ownerOnly(WORK.resolve("data")));
    }

    @Test
    void installedSettingsDefaultToTheXdgPlaces() {
        Settings s = SettingsLoader.reading(Layout.of(Layout.INSTALLED, XDG, WORK), WORK, XDG).load(Options.none());
        assertEquals(new Target.Embedded(Path.of("/x/share/user-console"), true), s.target());
        assertEquals(Path.of("/x/state/user-console"), s.logDir());
        assertEquals(Path.of("/x/state/user-console/audit.jsonl"), s.auditLog());
    }

    @Test
    void namedPlacesWinOverTheInstalledDefaultsAndAreNotMadeOwnerOnly() {
        Map<String, String> env = new HashMap<>(XDG);
        env.putAll(Map.of("DATA_DIR", "mine", "LOG_DIR", "/var/log/uc", "AUDIT_LOG", "audit/a.jsonl"));
        Settings s = SettingsLoader.reading(Layout.installed(env, WORK), WORK, env).load(Options.none());
        assertEquals(new Target.Embedded(WORK.resolve("mine"), false), s.target());
        assertEquals(Path.of("/var/log/uc"), s.logDir());
        assertEquals(WORK.resolve("audit/a.jsonl"), s.auditLog());
        Options options = new Options(null, null, true, Path.of("/d"), null, null, false, Path.of("/a.jsonl"));
        Settings typed = SettingsLoader.reading(Layout.installed(XDG, WORK), WORK, XDG).load(options);
        assertEquals(new Target.Embedded(Path.of("/d"), false), typed.target());
        assertEquals(Path.of("/a.jsonl"), typed.auditLog());
    }

    @Test
    void theCheckoutReadsNoSettingsFileAndKeepsItsPlaces() throws Exception {
        Map<String, String> env = installedEnvironment();
        write(settingsFile(env), "USERS_TABLE=FromSettings\n");
        Settings s = SettingsLoader.reading(Layout.of(null, env, dir), dir, env).load(Options.none());
        assertEquals("User", s.tableName());
        assertEquals(new Target.Embedded(dir.resolve("data")), s.target());
        assertEquals(dir.resolve("logs"), s.logDir());
        assertEquals(dir.resolve("logs/audit.jsonl"), s.auditLog());
    }

    @Test
    void settingsEnvComesAfterDotenvTheEnvironmentAndTheOptions() throws Exception {
        Map<String, String> env = installedEnvironment();
        write(settingsFile(env), "USERS_TABLE=FromSettings\nBCRYPT_COST=11\nDATA_DIR=data\nTRASH_DAYS=7\n"
                + "MIN_PASSWORD_LENGTH=12\n");
        write(dir.resolve(".env"), "USERS_TABLE=FromDotenv\nTRASH_DAYS=\n");
        Layout layout = Layout.installed(env, dir);
        Settings s = SettingsLoader.reading(layout, dir, env).load(Options.none());
        assertEquals("FromDotenv", s.tableName(), ".env wins over settings.env");
        assertEquals(11, s.bcryptCost(), "what .env does not say comes from settings.env");
        assertEquals(7, s.trashDays(), "an empty value in .env counts as unset");
        assertEquals(new Target.Embedded(dir.resolve("data"), false), s.target(),
                "a relative DATA_DIR is from the working directory, as in .env");
        Map<String, String> withVariables = new HashMap<>(env);
        withVariables.putAll(Map.of("USERS_TABLE", "FromEnv", "MIN_PASSWORD_LENGTH", "10"));
        Settings fromEnv = SettingsLoader.reading(layout, dir, withVariables).load(Options.none());
        assertEquals("FromEnv", fromEnv.tableName());
        assertEquals(10, fromEnv.minPasswordLength(), "environment variables win over settings.env");
        Options option = new Options(null, "FromOption", false, null, null, null);
        assertEquals("FromOption", SettingsLoader.reading(layout, dir, withVariables).load(option).tableName());
    }

    @Test
    void keysFromSettingsEnvAreNamedAsComingFromIt() throws Exception {
        Map<String, String> env = installedEnvironment();
        write(settingsFile(env), "AWS_REGION=eu-west-1\nAWS_ACCESS_KEY_ID=AKIDEXAMPLE\nAWS_SECRET_ACCESS_KEY=s3cret\n");
        Files.setPosixFilePermissions(settingsFile(env), PosixFilePermissions.fromString("rw-------"));
        Settings s = SettingsLoader.reading(Layout.installed(env, dir), dir, env).load(Options.none());
        assertEquals("static keys from settings.env", s.target().credentialsSource());
    }

    @Test
    void aMalformedSettingsFileIsNamedWithItsLineNeverItsContent() throws Exception {
        Map<String, String> env = installedEnvironment();
        Path file = settingsFile(env);
        write(file, "USERS_TABLE=People\nexport AWS_SECRET_ACCESS_KEY=unterminated-secret\n");
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> SettingsLoader.reading(Layout.installed(env, dir), dir, env));
        assertEquals(Problem.CONFIGURATION, e.problem());
        assertEquals("The settings file " + file + " cannot be read: line 2 is not KEY=VALUE.", e.getMessage());
        write(dir.resolve(".env"), "\nnot a setting\n");
        ConsoleException dotenv = assertThrows(ConsoleException.class,
                () -> SettingsLoader.reading(Layout.installed(env, dir), dir, env));
        assertEquals("The .env file in " + dir + " cannot be read: line 2 is not KEY=VALUE.", dotenv.getMessage(),
                ".env is read first and named as before");
    }

    @Test
    void aMissingSettingsFileIsFine() {
        Map<String, String> env = installedEnvironment();
        SettingsLoader loader = SettingsLoader.reading(Layout.installed(env, dir), dir, env);
        assertEquals("User", loader.load(Options.none()).tableName());
        assertEquals(List.of(), loader.warnings());
    }

    @Test
    void aSettingsFileWithASecretKeyOthersCanReadIsWarnedAboutByName() throws Exception {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        Map<String, String> env = installedEnvironment();
        Path file = settingsFile(env);
        write(file, "AWS_SECRET_ACCESS_KEY=" + secret + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> warnings = SettingsLoader.reading(Layout.installed(env, dir), dir, env).warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(file + " holds AWS_SECRET_ACCESS_KEY"), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("chmod 600 " + file), warnings.get(0));
        assertFalse(warnings.get(0).contains(secret), "the key itself is never shown");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEquals(List.of(), SettingsLoader.reading(Layout.installed(env, dir), dir, env).warnings());
    }

    @Test
    void theProgramsOwnDirectoriesAreCreatedOwnerOnlyWithTheirMissingParents() throws Exception {
        Path own = dir.resolve("share/user-console");
        Layout.createDirectories(own, true);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(own)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(own.getParent())),
                "a missing XDG base directory too, as the specification asks");
        Path existing = Files.createDirectories(dir.resolve("existing"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));
        Layout.createDirectories(existing, true);
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)),
                "a directory that exists is left as it is");
    }

    private Map<String, String> installedEnvironment() {
        return Map.of("HOME", dir.resolve("home").toString(), "XDG_CONFIG_HOME", dir.resolve("config").toString());
    }

    private static Path settingsFile(Map<String, String> env) {
        return Path.of(env.get("XDG_CONFIG_HOME"), "user-console", Layout.SETTINGS_FILE);
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
