package dev.userconsole.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DynamoDB Local as a separate process ({@code user-console serve}) keeping its data in a directory, so a
 * test can kill it with SIGKILL and start it again on the same port from what is on disk.
 */
public final class LocalServerProcess implements AutoCloseable {
    private final Path dataDir;
    private final Path logDir;
    private final int port;
    private Process process;

    private LocalServerProcess(Path dataDir, Path logDir, int port) {
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.port = port;
    }

    /** Starts a server on a free loopback port, keeping its data in {@code dataDir}. */
    public static LocalServerProcess start(Path dataDir, Path logDir) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        LocalServerProcess server = new LocalServerProcess(dataDir, logDir, port);
        server.start();
        return server;
    }

    public int port() {
        return port;
    }

    /** Starts the server (again) and waits until it says it is listening. */
    public void start() throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(logDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.userconsole.Main", "--data-dir", dataDir.toString(), "serve", "--port", Integer.toString(port)))
                .redirectError(logDir.resolve("server.err").toFile());
        builder.environment().put("LOG_DIR", logDir.toString());
        process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("DynamoDB Local listening on")) {
                drain(out);
                return;
            }
        }
        throw new IOException("DynamoDB Local did not start; see " + logDir.resolve("server.err"));
    }

    /** Keeps reading what the server prints, so a full pipe never blocks it. */
    private static void drain(BufferedReader out) {
        Thread reader = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discarded: the server's log goes to its log directory
                }
            } catch (IOException e) {
                // the server is gone
            }
        }, "local-server-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Kills the server with SIGKILL: no shutdown hook runs, nothing is flushed by the program. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
