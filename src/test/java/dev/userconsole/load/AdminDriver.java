package dev.userconsole.load;

import dev.userconsole.cli.Io;
import dev.userconsole.cli.UserConsoleCommand;
import dev.userconsole.config.SettingsLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One administrator: runs random insert, update, delete and get commands through the real command line
 * entry point (in-process, as the launcher does, to save a JVM start per command) and logs each one as
 * JSON Lines. Arguments: ENDPOINT TABLE EMAILS OPERATIONS SEED PROCESS_NUMBER LOG_FILE.
 */
public final class AdminDriver {
    private final Random random;
    private final int process;
    private final int emails;
    private final SettingsLoader settings;

    private AdminDriver(String endpoint, String table, int emails, long seed, int process, Path workingDir) {
        this.random = new Random(seed);
        this.process = process;
        this.emails = emails;
        this.settings = new SettingsLoader(workingDir, Map.of("AWS_ENDPOINT_URL", endpoint, "USERS_TABLE", table,
                "BCRYPT_COST", "10", "DYNAMODB_TIMEOUT_SECONDS", "60"), Map.of(), p -> Optional.empty());
    }

    public static void main(String[] args) throws IOException {
        Path log = Path.of(args[6]);
        AdminDriver driver = new AdminDriver(args[0], args[1], Integer.parseInt(args[2]), Long.parseLong(args[4]),
                Integer.parseInt(args[5]), log.getParent());
        int operations = Integer.parseInt(args[3]);
        try (Writer out = Files.newBufferedWriter(log)) {
            for (int seq = 0; seq < operations; seq++) {
                out.write(driver.runOne(seq).toJson());
                out.write('\n');
            }
        }
    }

    public static String email(int n) {
        return "user" + n + "@load.test";
    }

    private OpRecord runOne(int seq) {
        String email = email(random.nextInt(emails));
        String name = "P" + process + "n" + seq;
        List<String> args = new ArrayList<>();
        String stdin = "";
        String op = switch (random.nextInt(4)) {
            case 0 -> {
                args.addAll(List.of("insert", "--email", email, "--first-name", name, "--last-name", name,
                        "--password-stdin", "--format", "json"));
                stdin = "load-test-password\n";
                yield "insert";
            }
            case 1 -> {
                args.addAll(List.of("update", "--email", email, "--format", "json"));
                int fields = 1 + random.nextInt(3); // first, last or both names; no password, so no bcrypt
                if ((fields & 1) != 0) {
                    args.addAll(List.of("--first-name", name));
                }
                if ((fields & 2) != 0) {
                    args.addAll(List.of("--last-name", name));
                }
                yield "update";
            }
            case 2 -> {
                args.addAll(List.of("delete", "--email", email, "--yes", "--format", "json"));
                yield "delete";
            }
            default -> {
                args.addAll(List.of("get", "--email", email, "--format", "json"));
                yield "get";
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new BufferedReader(new StringReader(stdin)), new PrintWriter(out), new PrintWriter(err), null);
        long start = nowMicros();
        int exit = UserConsoleCommand.run(args.toArray(String[]::new), settings::load, io, s -> {
            throw new IllegalStateException("the driver never opens the console");
        });
        long end = nowMicros();
        return new OpRecord(process, seq, op, email, start, end, exit, out.toString().strip(), err.toString().strip());
    }

    /** Wall-clock time: System.nanoTime is per process, and the checker compares across processes. */
    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
