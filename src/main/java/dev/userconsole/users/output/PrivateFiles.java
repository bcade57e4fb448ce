package dev.userconsole.users.output;

import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files that hold secrets (hashes, new passwords) are created readable by their owner only. */
public final class PrivateFiles {
    /**
     * {@code rw-------}, for {@code Files.createFile}; a file system without POSIX permissions refuses it with
     * UnsupportedOperationException, and the file is then not written at all.
     */
    public static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private PrivateFiles() {
    }
}
