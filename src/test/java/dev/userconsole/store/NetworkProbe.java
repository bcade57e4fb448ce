package dev.userconsole.store;

import dev.userconsole.config.Options;
import dev.userconsole.config.SettingsLoader;
import dev.userconsole.users.NewUser;
import dev.userconsole.users.UserController;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Permission;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Run in a child JVM by {@link EmbeddedExposureTest}: opens the embedded database exactly as the program does
 * (settings from the environment), uses it, and prints every network action the JVM attempted meanwhile
 * (through a recording security manager: connects, name lookups, listens, accepts) and how many network
 * sockets the process holds. Then the same for the {@code serve} server, which must only listen and answer on
 * loopback; then a control phase makes a connection on purpose, to show the recording works.
 */
public final class NetworkProbe {
    private static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();

    private NetworkProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.setSecurityManager(new Recorder());
        try (UserController users = UserController.open(
                SettingsLoader.fromSystem(Path.of("").toAbsolutePath()).load(Options.none()))) {
            users.createTable(true);
            users.insert(new NewUser("probe@example.com", "Probe", "User", "probe-password-1"));
            System.out.println("users " + users.list().count());
            Thread.sleep(Long.parseLong(args[0])); // give any background telemetry its chance
            report("embedded");
        }
        try (LocalServer server = LocalServer.startOnDisk(0, Files.createDirectories(Path.of("serve-data")));
             DynamoDbClient client = server.client(Duration.ofSeconds(10))) {
            client.listTables();
            Thread.sleep(Long.parseLong(args[0]));
            report("serve");
        }
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 2000);
            report("control");
        }
        System.exit(0);
    }

    private static void report(String phase) throws IOException {
        ATTEMPTS.forEach(attempt -> System.out.println(phase + " attempt " + attempt));
        ATTEMPTS.clear();
        System.out.println(phase + " sockets " + inetSockets());
        System.out.flush();
    }

    /** TCP and UDP sockets this process holds: its socket inodes that appear in the kernel's inet tables. */
    private static long inetSockets() throws IOException {
        List<String> inodes;
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            inodes = fds.map(NetworkProbe::linkTarget).filter(t -> t.startsWith("socket:["))
                    .map(t -> t.substring(8, t.length() - 1)).toList();
        }
        long count = 0;
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path path = Path.of("/proc/self/net", table);
            if (Files.exists(path)) {
                count += Files.readAllLines(path).stream().skip(1).map(line -> line.trim().split("\\s+")[9])
                        .filter(inodes::contains).count();
            }
        }
        return count;
    }

    private static String linkTarget(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return ""; // the descriptor closed while listing
        }
    }

    /** Allows everything; records what touches the network. */
    @SuppressWarnings("removal")
    private static final class Recorder extends SecurityManager {
        @Override
        public void checkPermission(Permission perm) {
        }

        @Override
        public void checkPermission(Permission perm, Object context) {
        }

        @Override
        public void checkConnect(String host, int port) {
            ATTEMPTS.add(port < 0 ? "lookup " + host : "connect " + host + ":" + port);
        }

        @Override
        public void checkConnect(String host, int port, Object context) {
            checkConnect(host, port);
        }

        @Override
        public void checkListen(int port) {
            ATTEMPTS.add("listen " + port);
        }

        @Override
        public void checkAccept(String host, int port) {
            ATTEMPTS.add("accept " + host + ":" + port);
        }

        @Override
        public void checkMulticast(InetAddress address) {
            ATTEMPTS.add("multicast " + address);
        }
    }
}
