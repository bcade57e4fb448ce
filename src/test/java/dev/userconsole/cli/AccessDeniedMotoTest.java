package dev.userconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.userconsole.config.DotenvFile;
import dev.userconsole.config.Options;
import dev.userconsole.config.Settings;
import dev.userconsole.config.SettingsLoader;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.testing.AuditLines;
import dev.userconsole.testing.CapturedOutput;
import dev.userconsole.testing.Moto;
import dev.userconsole.users.ConnectedAs;
import dev.userconsole.users.NewUser;
import dev.userconsole.users.UserChanges;
import dev.userconsole.users.UserController;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every command, run through the command line as IAM users of a moto server that enforces IAM: one that
 * may only read, one that may do all but DeleteItem, one that may do nothing. A denial exits with 3 and
 * names the action and the table, never a stack trace or the secret key, and the table (read by the raw
 * SDK as the set-up administrator) is unchanged by it.
 */
class AccessDeniedMotoTest {
    private static final String TABLE = "Users_iam";
    private static final String ACCOUNT = "123456789012";
    /** The requests the set-up script makes before IAM is enforced: 4 users, 3 policies, 4 access keys. */
    private static final int SET_UP_REQUESTS = 11;
    private static final String READ_ACTIONS = "[\"dynamodb:GetItem\", \"dynamodb:Query\", \"dynamodb:Scan\","
            + " \"dynamodb:DescribeTable\", \"dynamodb:BatchGetItem\", \"dynamodb:PartiQLSelect\","
            + " \"dynamodb:ListTables\", \"dynamodb:ConditionCheckItem\"]";

    private static Moto moto;
    private static Map<String, Key> keys;
    private static DynamoDbClient witness;
    @TempDir
    static Path dir;

    private record Key(String id, String secret) {
    }

    private record Result(int exitCode, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    @BeforeAll
    static void startMotoWithThreeUsersAndATable() throws IOException {
        assumeTrue(Moto.available(), "moto (python3 with moto and boto3) is not installed here: the IAM denial"
                + " matrix is skipped");
        moto = Moto.start(SET_UP_REQUESTS, dir.resolve("moto.log"));
        String printed = moto.python(""
                + "iam = client('iam')\n"
                + "def user(name, statements):\n"
                + "    iam.create_user(UserName=name)\n"
                + "    if statements:\n"
                + "        iam.put_user_policy(UserName=name, PolicyName='p', PolicyDocument=json.dumps("
                + "{'Version': '2012-10-17', 'Statement': statements}))\n"
                + "    k = iam.create_access_key(UserName=name)['AccessKey']\n"
                + "    return [k['AccessKeyId'], k['SecretAccessKey']]\n"
                + "keys = {\n"
                + "  'admin': user('admin', [{'Effect': 'Allow', 'Action': '*', 'Resource': '*'}]),\n"
                + "  'reader': user('reader', [{'Effect': 'Allow', 'Action': " + READ_ACTIONS + ", 'Resource': '*'}]),\n"
                + "  'nodelete': user('nodelete', [{'Effect': 'Allow', 'Action': ['dynamodb:*', 'sts:*'], 'Resource': '*'},"
                + " {'Effect': 'Deny', 'Action': 'dynamodb:DeleteItem', 'Resource': '*'}]),\n"
                + "  'nobody': user('nobody', None),\n"
                + "}\n"
                + "print(json.dumps(keys))\n");
        keys = new HashMap<>();
        for (String name : List.of("admin", "reader", "nodelete", "nobody")) {
            String[] pair = printed.replaceAll("(?s).*\"" + name + "\": \\[\"([^\"]+)\", \"([^\"]+)\"\\].*", "$1 $2")
                    .strip().split(" ");
            keys.put(name, new Key(pair[0], pair[1]));
        }
        witness = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        keys.get("admin").id(), keys.get("admin").secret()))).build();

        assertEquals(0, as("admin", "", "create-table").exitCode());
        for (String email : List.of("alice@example.com", "bob@example.com", "carol@example.com")) {
            Result inserted = as("admin", "a-password\n", "insert", "--email", email, "--first-name", "A",
                    "--last-name", "B", "--password-stdin");
            assertEquals(0, inserted.exitCode(), inserted.err());
        }
        Result backup = as("admin", "", "backup", "-o", dir.resolve("users.backup").toString());
        assertEquals(0, backup.exitCode(), backup.err());
        // carol is in the backup only: a restore has something to write
        witness.deleteItem(b -> b.tableName(TABLE).key(Map.of("emailAddress", AttributeValue.fromS("carol@example.com"))));
        Files.writeString(dir.resolve("new.csv"), "emailAddress,firstName,lastName,password\n"
                + "dora@example.com,Dora,D,dora-password\nerin@example.com,Erin,E,erin-password\n");
    }

    @AfterAll
    static void stop() {
        for (String user : List.of("admin", "reader", "nodelete", "nobody")) {
            CapturedOutput.keepDirectory(dir.resolve("as-" + user).resolve("logs"), "access-denied-logs/" + user);
        }
        if (witness != null) {
            witness.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    /** Runs one command line as an IAM user, the keys in the .env of a working directory of its own. */
    private static Result as(String user, String stdin, String... args) {
        Path workingDir = dir.resolve("as-" + user);
        try {
            Files.createDirectories(workingDir);
            Path env = workingDir.resolve(".env");
            Files.writeString(env, "AWS_ACCESS_KEY_ID=" + keys.get(user).id() + "\nAWS_SECRET_ACCESS_KEY="
                    + keys.get(user).secret() + "\nUSERS_TABLE=" + TABLE + "\nBCRYPT_COST=10\n");
            Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        List<String> line = new ArrayList<>(List.of("--endpoint", moto.endpoint().toString()));
        line.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SettingsLoader loader = new SettingsLoader(workingDir, Map.of(), DotenvFile.read(workingDir),
                p -> Optional.empty());
        Io io = new Io(new BufferedReader(new StringReader(stdin)), new PrintWriter(out), new PrintWriter(err), null);
        int code = UserConsoleCommand.run(line.toArray(String[]::new), loader::load, io, settings -> 0);
        CapturedOutput.record("AccessDeniedMotoTest, " + user + ": " + String.join(" ", args), out + "\n" + err);
        return new Result(code, out.toString(), err.toString());
    }

    /** The whole table as the administrator sees it, every attribute, in key order. */
    private static List<Map<String, AttributeValue>> stored() {
        return witness.scanPaginator(b -> b.tableName(TABLE).consistentRead(true)).items().stream()
                .sorted(Comparator.comparing(item -> item.get("emailAddress").s()))
                .collect(Collectors.toList());
    }

    /** A command the user may run: it succeeds. */
    private static Result allowed(String user, String stdin, String... args) {
        Result r = as(user, stdin, args);
        assertEquals(0, r.exitCode(), user + " " + String.join(" ", args) + ": " + r.all());
        clean(user, r);
        return r;
    }

    /** A command the user may not run: exit 3, the action and the table named, and the table unchanged. */
    private static Result denied(String user, String action, boolean writes, String stdin, String... args) {
        List<Map<String, AttributeValue>> before = stored();
        int audited = audit(user).size();
        Result r = as(user, stdin, args);
        String what = user + " " + String.join(" ", args) + ": " + r.all();
        assertEquals(3, r.exitCode(), what);
        List<String> line = List.of(args);
        String table = line.contains("--table") ? line.get(line.indexOf("--table") + 1) : TABLE;
        assertTrue(r.err().contains("Access denied: these credentials (arn:aws:iam::" + ACCOUNT + ":user/" + user
                + ") may not perform " + action + " on table " + table + "."), what);
        if (writes) {
            assertTrue(r.err().contains("Nothing was written."), what);
            List<Map<String, Object>> audit = audit(user);
            assertTrue(audit.size() > audited, "not audited: " + what);
            Map<String, Object> last = audit.get(audit.size() - 1);
            assertEquals("refused", last.get("outcome"), last.toString());
            assertEquals("ACCESS_DENIED", last.get("problem"), last.toString());
        }
        clean(user, r);
        assertEquals(before, stored(), "the table changed: " + what);
        return r;
    }

    private static List<Map<String, Object>> audit(String user) {
        Path file = dir.resolve("as-" + user).resolve("logs/audit.jsonl");
        return Files.exists(file) ? AuditLines.read(file) : List.of();
    }

    private static void clean(String user, Result r) {
        assertFalse(r.all().contains("Exception") || r.all().contains("\tat ") || r.all().contains("unexpected"),
                r.all());
        assertFalse(r.all().contains(keys.get(user).secret()), "the secret key was shown");
        try (Stream<Path> logs = Files.walk(dir.resolve("as-" + user))) {
            for (Path log : (Iterable<Path>) logs.filter(p -> p.toString().endsWith(".log")
                    || p.toString().endsWith(".jsonl"))::iterator) {
                assertFalse(Files.readString(log).contains(keys.get(user).secret()), "the secret key is in " + log);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private String out(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void aReaderReadsEverythingAndIsRefusedEveryWriteNamingItsAction() {
        assertTrue(allowed("reader", "", "list").out().contains("alice@example.com"));
        assertTrue(allowed("reader", "", "get", "--email", "bob@example.com").out().contains("bob@example.com"));
        allowed("reader", "a-password\n", "check-password", "--email", "alice@example.com", "--password-stdin");
        allowed("reader", "", "export", "-o", out("reader.jsonl"));
        allowed("reader", "", "backup", "-o", out("reader.backup"));
        Result described = allowed("reader", "", "describe-table");
        assertTrue(described.out().contains("Account:      " + ACCOUNT + "\n"), described.out());
        assertTrue(described.out().contains("Principal:    arn:aws:iam::" + ACCOUNT + ":user/reader\n"), described.out());

        denied("reader", "dynamodb:PutItem", true, "a-password\n", "insert", "--email", "new@example.com",
                "--first-name", "N", "--last-name", "U", "--password-stdin");
        denied("reader", "dynamodb:UpdateItem", true, "", "update", "--email", "alice@example.com",
                "--first-name", "Changed");
        // a delete keeps the user in the trash in one TransactWriteItems: moto checks that as an action of its
        // own (real DynamoDB checks each item's PutItem and DeleteItem); a permanent delete sends DeleteItem
        denied("reader", "dynamodb:TransactWriteItems", true, "", "delete", "--email", "bob@example.com", "--yes");
        denied("reader", "dynamodb:DeleteItem", true, "", "delete", "--email", "bob@example.com", "--yes",
                "--permanent");
        denied("reader", "dynamodb:PutItem", true, "", "import", out("new.csv"));
        denied("reader", "dynamodb:PutItem", true, "", "restore", out("users.backup"));
        denied("reader", "dynamodb:CreateTable", true, "", "--table", "Reader_iam", "create-table");
    }

    @Test
    void aUserWhoMayDoAllButDeleteIsRefusedOnlyTheDelete() {
        // --permanent: moto lets a TransactWriteItems delete what DeleteItem may not (real DynamoDB does not)
        denied("nodelete", "dynamodb:DeleteItem", true, "", "delete", "--email", "alice@example.com", "--yes",
                "--permanent");
        allowed("nodelete", "", "list");
        allowed("nodelete", "", "get", "--email", "alice@example.com");
        allowed("nodelete", "", "describe-table");
        allowed("nodelete", "", "export", "-o", out("nodelete.jsonl"));
        allowed("nodelete", "", "backup", "-o", out("nodelete.backup"));
        allowed("nodelete", "a-password\n", "insert", "--email", "nodelete@example.com", "--first-name", "N",
                "--last-name", "D", "--password-stdin");
        allowed("nodelete", "", "update", "--email", "nodelete@example.com", "--first-name", "Changed");
        denied("nodelete", "dynamodb:DeleteItem", true, "", "delete", "--email", "nodelete@example.com", "--yes",
                "--permanent");
        // no allowed import or restore here: moto 5.2.1 answers every parameterised PartiQL INSERT
        // (BatchExecuteStatement) with a 500, IAM or not, so their writes are "unknown" there
        allowed("nodelete", "", "--table", "Other_iam", "create-table");
        assertEquals("Changed", witness.getItem(b -> b.tableName(TABLE).key(Map.of("emailAddress",
                AttributeValue.fromS("nodelete@example.com")))).item().get("firstName").s());
    }

    @Test
    void aUserWhoMayDoNothingIsRefusedEveryCommandButStillSeesWhoItIs() {
        denied("nobody", "dynamodb:Scan", false, "", "list");
        denied("nobody", "dynamodb:GetItem", false, "", "get", "--email", "alice@example.com");
        denied("nobody", "dynamodb:GetItem", false, "a-password\n", "check-password", "--email", "alice@example.com",
                "--password-stdin");
        denied("nobody", "dynamodb:DescribeTable", false, "", "export", "-o", out("nobody.jsonl"));
        denied("nobody", "dynamodb:DescribeTable", false, "", "backup", "-o", out("nobody.backup"));
        Result described = denied("nobody", "dynamodb:DescribeTable", false, "", "describe-table");
        assertTrue(described.out().contains("Principal:    arn:aws:iam::" + ACCOUNT + ":user/nobody\n"), described.out());
        denied("nobody", "dynamodb:PutItem", true, "a-password\n", "insert", "--email", "new@example.com",
                "--first-name", "N", "--last-name", "U", "--password-stdin");
        denied("nobody", "dynamodb:GetItem", true, "", "update", "--email", "alice@example.com", "--first-name", "X");
        denied("nobody", "dynamodb:GetItem", true, "", "delete", "--email", "alice@example.com", "--yes");
        denied("nobody", "dynamodb:PutItem", true, "", "import", out("new.csv"));
        denied("nobody", "dynamodb:DescribeTable", true, "", "restore", out("users.backup"));
        denied("nobody", "dynamodb:CreateTable", true, "", "--table", "Nobody_iam", "create-table");
    }

    @Test
    void afterADeniedWriteTheSameSessionsAllowedReadsStillWork() {
        Path workingDir = dir.resolve("as-reader");
        as("reader", "", "describe-table"); // writes its .env
        Settings settings = new SettingsLoader(workingDir, Map.of(), DotenvFile.read(workingDir), p -> Optional.empty())
                .load(new Options(moto.endpoint().toString(), null, false, null, null, null));
        try (UserController users = UserController.open(settings)) {
            ConsoleException refused = assertThrows(ConsoleException.class, () -> users.update("alice@example.com",
                    new UserChanges("Changed", null, null)));
            assertEquals(Problem.ACCESS_DENIED, refused.problem());
            assertTrue(refused.getMessage().contains("dynamodb:UpdateItem on table " + TABLE), refused.getMessage());
            assertEquals("alice@example.com", users.get("alice@example.com").emailAddress());

            assertThrows(ConsoleException.class, () -> users.insert(new NewUser("x@example.com", "X", "Y", "pw-pw-pw-pw")));
            try (Stream<?> all = users.list()) {
                assertTrue(all.count() >= 2);
            }
            assertTrue(users.describeTable().isPresent());
            ConnectedAs identity = users.callerIdentity();
            assertEquals(ACCOUNT, identity.account());
            assertEquals("arn:aws:iam::" + ACCOUNT + ":user/reader", identity.principal());
        }
    }
}
