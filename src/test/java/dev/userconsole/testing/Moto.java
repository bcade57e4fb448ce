package dev.userconsole.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A moto server (this image's {@code python3}, moto 5.2.1) on a random loopback port: DynamoDB, IAM and
 * STS in one process, with IAM enforced after the first {@code freeActions} requests (moto's
 * {@code INITIAL_NO_AUTH_ACTION_COUNT}), so a test can create IAM users and keys first and then act as
 * them. Tests that need it call {@link #available()} and skip, saying so, where moto is not installed.
 */
public final class Moto implements AutoCloseable {
    private static final String PYTHON = "python3";

    private final Process process;
    private final URI endpoint;

    private Moto(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Whether {@code python3 -c 'import moto, boto3'} works here. */
    public static boolean available() {
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import moto, boto3")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts a server; {@code freeActions} requests are served without checking credentials (0: IAM is
     * not enforced at all), logging to {@code log}.
     */
    public static Moto start(int freeActions, Path log) {
        try {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(PYTHON, "-m", "moto.server", "-H", "127.0.0.1",
                    "-p", Integer.toString(port)).redirectErrorStream(true);
            Files.createDirectories(log.toAbsolutePath().getParent());
            builder.redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            if (freeActions > 0) {
                environment.put("INITIAL_NO_AUTH_ACTION_COUNT", Integer.toString(freeActions));
            }
            environment.put("MOTO_ALLOW_NONEXISTENT_REGION", "true");
            Process process = builder.start();
            Moto moto = new Moto(process, URI.create("http://127.0.0.1:" + port));
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            moto.awaitListening(port);
            return moto;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * Runs a Python script with boto3 against this server ({@code ENDPOINT} is defined for it, and dummy
     * credentials are set for the free requests) and returns what it printed.
     */
    public String python(String script) {
        String prelude = "import boto3, json, os\nENDPOINT = " + pythonString(endpoint.toString()) + "\n"
                + "def client(service, **kw):\n"
                + "    kw.setdefault('aws_access_key_id', 'setup'); kw.setdefault('aws_secret_access_key', 'setup')\n"
                + "    return boto3.client(service, endpoint_url=ENDPOINT, region_name='us-east-1', **kw)\n";
        try {
            Process run = new ProcessBuilder(List.of(PYTHON, "-c", prelude + script)).redirectErrorStream(true).start();
            String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!run.waitFor(2, TimeUnit.MINUTES) || run.exitValue() != 0) {
                throw new IllegalStateException("the moto set-up script failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited with " + process.exitValue() + " before listening");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("moto did not listen on port " + port + " within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String pythonString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
