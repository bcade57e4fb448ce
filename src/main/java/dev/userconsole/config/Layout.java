package dev.userconsole.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the program keeps its files when nothing says otherwise. A checkout keeps them beside it
 * ({@code ./data}, {@code ./logs}, {@code ./.env}); an installed copy, whose launchers start the JVM with
 * {@code -Duserconsole.layout=installed}, where the XDG Base Directory specification puts them: the
 * embedded database in {@code $XDG_DATA_HOME/user-console}, logs and the audit log in
 * {@code $XDG_STATE_HOME/user-console}, and {@code settings.env} in {@code $XDG_CONFIG_HOME/user-console},
 * read after {@code ./.env}. A relative XDG variable is invalid and ignored; without one, the place is under
 * {@code $HOME} (the environment's, as the AWS SDK reads it, not Java's {@code user.home}); without a usable
 * {@code HOME} either, the checkout's place in the working directory.
 *
 * @param dataDir     the embedded database's directory when DATA_DIR, --data-dir and the connection say nothing
 * @param logDir      the directory of user-console.log (and audit.jsonl) when LOG_DIR says nothing
 * @param dotenvFiles the dotenv files read, each winning over the ones after it
 * @param ownerOnlyDirs the directories the program creates rwx------ when it first needs them (the XDG ones)
 */
public record Layout(Path dataDir, Path logDir, List<Path> dotenvFiles, Set<Path> ownerOnlyDirs) {
    /** The system property that chooses the layout; {@link #INSTALLED} is its one value that changes anything. */
    public static final String PROPERTY = "userconsole.layout";
    public static final String INSTALLED = "installed";
    /** The dotenv file of the installed layout, in its configuration directory. */
    public static final String SETTINGS_FILE = "settings.env";
    static final String DIRECTORY = "user-console";

    public Layout {
        dotenvFiles = List.copyOf(dotenvFiles);
        ownerOnlyDirs = Set.copyOf(ownerOnlyDirs);
    }

    /** The layout {@code property} names: {@link #installed} for {@value #INSTALLED}, else {@link #checkout}. */
    public static Layout of(String property, Map<String, String> environment, Path workingDir) {
        return INSTALLED.equals(property) ? installed(environment, workingDir) : checkout(workingDir);
    }

    /** Everything beside the working directory, as it has always been: data/, logs/ and .env. */
    public static Layout checkout(Path workingDir) {
        return new Layout(workingDir.resolve("data"), workingDir.resolve("logs"), List.of(workingDir.resolve(".env")),
                Set.of());
    }

    /** The XDG places this environment names, each falling back to the checkout's when it names none. */
    public static Layout installed(Map<String, String> environment, Path workingDir) {
        Layout checkout = checkout(workingDir);
        Optional<Path> data = home(environment, "XDG_DATA_HOME", ".local/share").map(Layout::own);
        Optional<Path> state = home(environment, "XDG_STATE_HOME", ".local/state").map(Layout::own);
        Optional<Path> settings = home(environment, "XDG_CONFIG_HOME", ".config").map(Layout::own)
                .map(dir -> dir.resolve(SETTINGS_FILE));
        return new Layout(data.orElse(checkout.dataDir()), state.orElse(checkout.logDir()),
                Stream.concat(checkout.dotenvFiles().stream(), settings.stream()).toList(),
                Stream.concat(data.stream(), state.stream()).collect(Collectors.toSet()));
    }

    /**
     * An XDG base directory: the variable when it holds an absolute path (the specification: a relative one is
     * invalid and is ignored), else {@code $HOME/underHome}; empty without an absolute {@code HOME}.
     */
    static Optional<Path> home(Map<String, String> environment, String variable, String underHome) {
        return absolute(environment.get(variable))
                .or(() -> absolute(environment.get("HOME")).map(home -> home.resolve(underHome)));
    }

    /** This program's directory under {@code $XDG_CACHE_HOME} (else {@code $HOME/.cache}); empty without either. */
    public static Optional<Path> cacheDir(Map<String, String> environment) {
        return home(environment, "XDG_CACHE_HOME", ".cache").map(Layout::own);
    }

    private static Optional<Path> absolute(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? Optional.of(path.normalize()) : Optional.empty();
    }

    private static Path own(Path base) {
        return base.resolve(DIRECTORY);
    }

    /** Whether the program creates {@code dir} owner-only (rwx------): one of this layout's XDG directories. */
    public boolean ownerOnly(Path dir) {
        return ownerOnlyDirs.contains(dir.toAbsolutePath().normalize());
    }

    /**
     * Creates {@code dir} and its missing parents, when {@code ownerOnly} each rwx------ (as the XDG specification
     * asks of the directories it creates; on a file system without POSIX permissions, as it comes); one that
     * exists is left as it is.
     */
    public static void createDirectories(Path dir, boolean ownerOnly) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (ownerOnly && posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }
}
