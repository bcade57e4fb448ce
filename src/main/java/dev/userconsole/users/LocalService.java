package dev.userconsole.users;

import dev.userconsole.store.LocalServer;
import java.net.URI;
import java.nio.file.Path;

/**
 * DynamoDB Local served on 127.0.0.1 for other programs ({@code serve}), so that no face starts the store's
 * server itself.
 */
public final class LocalService implements AutoCloseable {
    private final LocalServer server;

    private LocalService(LocalServer server) {
        this.server = server;
    }

    /** An in-memory database on {@code port}, or on a free port when it is 0. */
    public static LocalService inMemory(int port) {
        return new LocalService(LocalServer.startInMemory(port));
    }

    /**
     * A database kept in {@code dataDir}, locked against every other user of the directory while it runs; a
     * missing {@code dataDir} is created rwx------ when {@code ownerOnly}.
     */
    public static LocalService onDisk(int port, Path dataDir, boolean ownerOnly) {
        return new LocalService(LocalServer.startOnDisk(port, dataDir, ownerOnly));
    }

    public URI endpoint() {
        return server.endpoint();
    }

    @Override
    public void close() {
        server.close();
    }
}
