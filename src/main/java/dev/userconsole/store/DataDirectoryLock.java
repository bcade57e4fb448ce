package dev.userconsole.store;

import dev.userconsole.config.Layout;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code DIR/.lock}, so two programs never open one SQLite store at once
 * (DynamoDB Local caches table metadata and would not see the other's changes). The OS releases it
 * when the process dies, so a crash never leaves the directory locked.
 */
final class DataDirectoryLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @param ownerOnly a missing directory is created rwx------ */
    static DataDirectoryLock acquire(Path dataDir, boolean ownerOnly) {
        try {
            Layout.createDirectories(dataDir, ownerOnly);
        } catch (IOException e) {
            throw new ConsoleException(Problem.DATABASE_ERROR,
                    "Cannot create the data directory " + dataDir + ": " + e.getMessage() + ".", e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new DataDirectoryLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // held by this same process: as much "in use" as another process holding it
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ConsoleException(Problem.DATABASE_ERROR,
                    "Cannot lock the data directory " + dataDir + ": " + e.getMessage() + ".", e);
        }
        closeQuietly(channel);
        throw new ConsoleException(Problem.DATA_DIR_IN_USE, "The data directory " + dataDir
                + " is in use by another User Console; close it first, or use --data-dir for a separate store.");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
