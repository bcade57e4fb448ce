package dev.userconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.testing.CapturedOutput;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mindrot.jbcrypt.BCrypt;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The program in a child JVM started under {@code LC_ALL=C} (where Java decodes arguments, standard input and
 * output as ASCII) keeps names and passwords exact, and refuses what is not UTF-8 before writing anything.
 * Commands are run through {@code /bin/sh} from a script written as bytes, so the arguments reach the child
 * exactly as a shell passes them, whatever the locale of the test JVM.
 */
class AnyLocaleTest {
    private static final String PASSWORD = "pässwörd€";
    private static final String MANGLED_PER_BYTE = "p\uFFFD\uFFFDssw\uFFFD\uFFFDrd\uFFFD\uFFFD\uFFFD";

    private final String table = LocalDynamoDb.freshTableName();
    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void createTable() {
        try (UserController users = LocalDynamoDb.controller(table)) {
            users.createTable(true);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs {@code java ... dev.userconsole.Main ARGS} under the C locale, with {@code stdin} on standard input. */
    private Result run(byte[] stdin, byte[]... args) throws IOException, InterruptedException {
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        script.writeBytes(utf8("exec " + quoted(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                + " -XX:TieredStopAtLevel=1 -cp " + quoted(System.getProperty("java.class.path")) + " dev.userconsole.Main"));
        for (byte[] arg : args) {
            script.writeBytes(utf8(" '"));
            script.writeBytes(arg); // none holds a single quote
            script.writeBytes(utf8("'"));
        }
        script.writeBytes(utf8("\n"));
        Path file = Files.write(dir.resolve("command.sh"), script.toByteArray());
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", file.toString()).directory(dir.toFile())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG") || name.equals("LANGUAGE"));
        env.putAll(Map.of("LC_ALL", "C", "LANG", "C", "AWS_ENDPOINT_URL", LocalDynamoDb.server().endpoint().toString(),
                "USERS_TABLE", table, "BCRYPT_COST", "10", "LOG_DIR", dir.resolve("logs").toString()));
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command did not finish");
        Result result = new Result(process.exitValue(), Files.readString(dir.resolve("out")),
                Files.readString(dir.resolve("err")));
        CapturedOutput.record("AnyLocaleTest, a command under LC_ALL=C", result.out() + "\n" + result.err());
        return result;
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private Map<String, AttributeValue> rawItem(String email) {
        return LocalDynamoDb.rawClient().getItem(b -> b.tableName(table)
                .key(Map.of(User.EMAIL, AttributeValue.fromS(email))).consistentRead(true)).item();
    }

    @Test
    void theChildReallyRunsInAnAsciiLocale() throws Exception {
        Path probe = Files.writeString(dir.resolve("Probe.java"), "class Probe { public static void main(String[] a) {"
                + " System.out.print(System.getProperty(\"sun.jnu.encoding\") + \" \" + java.nio.charset.Charset.defaultCharset()); } }");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                probe.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
        builder.environment().putAll(Map.of("LC_ALL", "C", "LANG", "C"));
        Process process = builder.start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), said);
        assertEquals("ANSI_X3.4-1968 US-ASCII", said);
    }

    @Test
    void namesAndPasswordsStayExactUnderTheCLocale() throws Exception {
        Result created = run(utf8(PASSWORD + "\n"), utf8("insert"), utf8("--email"), utf8("zoe@example.com"),
                utf8("--first-name"), utf8("Zoë"), utf8("--last-name"), utf8("José"), utf8("--password-stdin"));
        assertEquals(0, created.exitCode(), created.err());
        assertEquals("Created user zoe@example.com (Zoë José).\n", created.err());

        Map<String, AttributeValue> item = rawItem("zoe@example.com");
        assertEquals("Zoë", item.get(User.FIRST_NAME).s());
        assertEquals("José", item.get(User.LAST_NAME).s());
        String hash = item.get(User.PASSWORD).s();
        assertTrue(BCrypt.checkpw(PASSWORD, hash), "the hash is not of the password typed");
        assertFalse(BCrypt.checkpw(MANGLED_PER_BYTE, hash));
        assertFalse(BCrypt.checkpw("p??ssw??rd?", hash));

        Result matches = run(utf8(PASSWORD + "\n"), utf8("check-password"), utf8("--email"), utf8("zoe@example.com"),
                utf8("--password-stdin"));
        assertEquals(0, matches.exitCode(), matches.err());
        assertEquals("Password matches.\n", matches.err());

        Result listed = run(new byte[0], utf8("list"), utf8("--format"), utf8("json"), utf8("--filter"), utf8("josé"));
        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.out().contains("\"firstName\":\"Zoë\",\"lastName\":\"José\""), listed.out());
    }

    @Test
    void standardInputThatIsNotUtf8IsRefusedAndNothingIsStored() throws Exception {
        Result refused = run(new byte[] {(byte) 0xff, (byte) 0xfe, '\n'}, utf8("insert"), utf8("--email"),
                utf8("bytes@example.com"), utf8("--first-name"), utf8("Zoë"), utf8("--last-name"), utf8("B"),
                utf8("--password-stdin"));
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals("error: password: standard input is not valid UTF-8 text\n", refused.err());
        assertEquals("", refused.out());
        assertTrue(rawItem("bytes@example.com").isEmpty(), "an item was stored");
    }

    @Test
    void anArgumentThatIsNotUtf8IsRefusedWithoutShowingItAndNothingIsStored() throws Exception {
        Result refused = run(utf8(PASSWORD + "\n"), utf8("insert"), utf8("--email"), utf8("latin1@example.com"),
                utf8("--first-name"), new byte[] {'Z', 'o', (byte) 0xeb}, utf8("--last-name"), utf8("B"),
                utf8("--password-stdin"));
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals("error: Argument 5 is not valid UTF-8 text (it is not shown: it might be a secret).\n", refused.err());
        assertEquals("", refused.out());
        assertTrue(rawItem("latin1@example.com").isEmpty(), "an item was stored");
        assertFalse(Files.exists(dir.resolve("logs").resolve("audit.jsonl")), "refused before any record was made");
    }

    @Test
    void aFileNameTheLocaleCannotEncodeIsRefusedInASentence() throws Exception {
        Result refused = run(new byte[0], utf8("import"), utf8("Zoë.csv"));
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("(FILE): the locale the program started in (ANSI_X3.4-1968) cannot encode"
                + " this file name; start it in a UTF-8 locale, for example with LC_ALL=C.UTF-8"), refused.err());
        assertFalse(refused.err().contains("Zo"), refused.err());
        assertTrue(List.of(refused.err().split("\n")).size() == 1, refused.err());
    }
}
