package dev.userconsole.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Like ssh with a private key: warns when the {@code .env} holding a secret key can be read by others. */
final class EnvFilePermissions {
    static final String SECRET_KEY = "AWS_SECRET_ACCESS_KEY";
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);

    private EnvFilePermissions() {
    }

    /** One sentence when {@code file} declares a secret key and group or others may read it. */
    static Optional<String> warning(Path file, Map<String, String> declared) {
        String secret = declared.get(SECRET_KEY);
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().noneMatch(OTHERS::contains)) {
                return Optional.empty();
            }
            return Optional.of("warning: " + file + " holds " + SECRET_KEY + " and other users can read it;"
                    + " make it private with: chmod 600 " + file);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // not a POSIX file system: nothing to check
        }
    }
}
