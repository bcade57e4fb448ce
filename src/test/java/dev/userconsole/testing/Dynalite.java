package dev.userconsole.testing;

import dev.userconsole.config.Credentials;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.store.DynamoDbs;
import dev.userconsole.users.PasswordHasher;
import dev.userconsole.users.UserController;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One dynalite server (npm, in memory: no transactions, like ScyllaDB Alternator) for the whole test run,
 * on a random loopback port. It is installed through scripts/lib.sh, as the smoke test installs it.
 */
public final class Dynalite {
    private static final String VERSION = "4.0.0";
    private static URI endpoint;

    private Dynalite() {
    }

    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    public static Settings settings(String table) {
        Target target = new Target.Endpoint(endpoint(), "us-east-1", Credentials.placeholder());
        return new Settings(target, table, Settings.MIN_BCRYPT_COST, Duration.ofSeconds(10),
                Path.of("target", "test-logs"));
    }

    public static UserController controller(String table) {
        Settings settings = settings(table);
        return new UserController(DynamoDbs.open(settings), table, new PasswordHasher(settings.bcryptCost()),
                Clock.systemUTC());
    }

    public static DynamoDbClient rawClient() {
        return DynamoDbClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dynalite", "dynalite")))
                .build();
    }

    private static URI start() {
        try {
            Path modules = install();
            Process process = new ProcessBuilder(List.of("node", "-e",
                    "const server = require(process.argv[1])({ createTableMs: 50 });"
                            + "server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));",
                    modules.resolve("dynalite").toString()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("port ")) {
                throw new IllegalStateException("dynalite did not start: " + line);
            }
            return URI.create("http://127.0.0.1:" + line.substring("port ".length()).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node_modules directory holding dynalite, installed by the scripts' own installer if missing. */
    private static Path install() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Process install = new ProcessBuilder("bash", "-c",
                "ROOT=\"$1\"; source \"$ROOT/scripts/lib.sh\" && ensure_node_packages dynalite@" + VERSION
                        + " && printf '%s' \"$NODE_TOOLS\"", "install", root.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String tools = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
                throw new IllegalStateException("dynalite " + VERSION + " could not be installed with npm");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Path.of(tools, "node_modules");
    }
}
