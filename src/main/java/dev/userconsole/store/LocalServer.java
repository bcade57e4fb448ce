package dev.userconsole.store;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local as an HTTP server bound to 127.0.0.1 only, in shared-database mode with telemetry off.
 *
 * <p>DynamoDB Local listens on every interface and has no option to change that, so its Jetty
 * connectors are re-bound to loopback before it starts.
 */
public final class LocalServer implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";

    private final DynamoDBProxyServer server;
    private final int port;
    private final DataDirectoryLock lock;

    private LocalServer(DynamoDBProxyServer server, int port, DataDirectoryLock lock) {
        this.server = server;
        this.port = port;
        this.lock = lock;
    }

    /** Starts an in-memory server on {@code port}, or on a free port when it is 0. */
    public static LocalServer startInMemory(int port) {
        return start(port, null, false);
    }

    /** Starts a server keeping its data in {@code dataDir}, locked against other users of the directory. */
    public static LocalServer startOnDisk(int port, Path dataDir) {
        return start(port, dataDir, false);
    }

    /** As {@link #startOnDisk(int, Path)}; a missing {@code dataDir} is created rwx------ when {@code ownerOnly}. */
    public static LocalServer startOnDisk(int port, Path dataDir, boolean ownerOnly) {
        return start(port, dataDir, ownerOnly);
    }

    private static LocalServer start(int requestedPort, Path dataDir, boolean ownerOnly) {
        DataDirectoryLock lock = dataDir == null ? null : DataDirectoryLock.acquire(dataDir, ownerOnly);
        try {
            int port = requestedPort == 0 ? freeLoopbackPort() : requestedPort;
            List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb",
                    "-disableTelemetry"));
            if (dataDir == null) {
                args.add("-inMemory");
            } else {
                args.addAll(List.of("-dbPath", dataDir.toString()));
            }
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            bindToLoopback(server);
            server.start();
            return new LocalServer(server, port, lock);
        } catch (Exception e) {
            if (lock != null) {
                lock.close();
            }
            throw new ConsoleException(Problem.DATABASE_ERROR,
                    "Cannot start DynamoDB Local on port " + requestedPort + ": " + e.getMessage(), e);
        }
    }

    private static void bindToLoopback(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        for (Connector connector : jetty.getConnectors()) {
            if (!(connector instanceof ServerConnector serverConnector)) {
                throw new IllegalStateException("unexpected connector " + connector.getClass());
            }
            serverConnector.setHost(LOOPBACK);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://" + LOOPBACK + ":" + port);
    }

    /** A client for this server with placeholder keys (shared-database mode ignores them). */
    public DynamoDbClient client(Duration callTimeout) {
        return RemoteDynamoDb.localClient(endpoint(), callTimeout);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
