package dev.userconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.userconsole.Main;
import dev.userconsole.testing.Moto;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every AWS credential form, run as the console's own command in a child JVM (the SDK reads HOME,
 * AWS_CONFIG_FILE and the other variables from the real environment), against moto with IAM enforced:
 * only the keys of the IAM user made in the set-up, or a role assumed from them, can read the table.
 */
class CredentialFormsTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/console-admin";
    private static final String USER_EMAIL = "witness@example.com";
    /** Requests moto serves before it checks credentials: exactly those of {@link #SET_UP}. */
    private static final int SET_UP_REQUESTS = 9;
    private static final String TABLE = """
            def table(region):
                ddb = boto3.client('dynamodb', endpoint_url=ENDPOINT, region_name=region,
                    aws_access_key_id='setup', aws_secret_access_key='setup')
                ddb.create_table(TableName='User', KeySchema=[{'AttributeName': 'emailAddress', 'KeyType': 'HASH'}],
                    AttributeDefinitions=[{'AttributeName': 'emailAddress', 'AttributeType': 'S'}],
                    BillingMode='PAY_PER_REQUEST')
                return ddb
            ddb = table('us-east-1')
            ddb.put_item(TableName='User', Item={'emailAddress': {'S': '%s'}, 'firstName': {'S': 'Wit'},
                'lastName': {'S': 'Ness'}, 'password': {'S': '$2a$10$abcdefghijklmnopqrstuu5Zy5m4aqnGkqDUS7HhR0Rg4w7mt7Qqe'},
                'dateCreated': {'S': '2024-01-01T00:00:00.000Z'}, 'dateUpdated': {'S': '2024-01-01T00:00:00.000Z'}})
            """.formatted(USER_EMAIL);
    /** moto evaluates managed policies for sts:AssumeRole (an inline user policy allowing "*" is not enough there). */
    private static final String SET_UP = TABLE + """
            table('eu-west-2')
            iam = client('iam')
            iam.create_user(UserName='base')
            allow_all = json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resource': '*'}]})
            policy = iam.create_policy(PolicyName='all', PolicyDocument=allow_all)['Policy']['Arn']
            iam.attach_user_policy(UserName='base', PolicyArn=policy)
            key = iam.create_access_key(UserName='base')['AccessKey']
            trust = json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow',
                'Principal': {'AWS': 'arn:aws:iam::123456789012:user/base'}, 'Action': 'sts:AssumeRole'}]})
            iam.create_role(RoleName='console-admin', AssumeRolePolicyDocument=trust)
            iam.attach_role_policy(RoleName='console-admin', PolicyArn=policy)
            print(key['AccessKeyId'] + ' ' + key['SecretAccessKey'])
            """;

    private static Moto moto;
    /** Without IAM: moto fails unsigned requests (AssumeRoleWithWebIdentity) with a 500 when IAM is enforced. */
    private static Moto openMoto;
    private static String keyId;
    private static String secret;

    @TempDir
    Path dir;
    private Path home;

    @BeforeAll
    static void startMoto() {
        Assumptions.assumeTrue(Moto.available(), "moto (python3 -m moto.server) is not installed here: skipped");
        moto = Moto.start(SET_UP_REQUESTS, Path.of("target", "credential-forms-moto.log"));
        String[] key = moto.python(SET_UP).strip().split(" ");
        keyId = key[0];
        secret = key[1];
        openMoto = Moto.start(0, Path.of("target", "credential-forms-open-moto.log"));
        openMoto.python(TABLE);
    }

    @AfterAll
    static void stopMoto() {
        for (Moto server : new Moto[] {moto, openMoto}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @BeforeEach
    void makeHome() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".aws"));
    }

    private record Result(int exitCode, String out, String err, long millis) {
    }

    private void config(String text) throws IOException {
        Files.writeString(home.resolve(".aws/config"), text);
    }

    private void credentials(String text) throws IOException {
        Files.writeString(home.resolve(".aws/credentials"), text);
    }

    private String baseKeys() {
        return "aws_access_key_id = " + keyId + "\naws_secret_access_key = " + secret + "\n";
    }

    /** Runs {@code -v list} in a child JVM with only {@code env} of the AWS variables, HOME at {@link #home}. */
    private Result run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path work = Files.createDirectories(dir.resolve("work"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.equals("USERS_TABLE"));
        builder.environment().put("HOME", home.toString());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the console did not finish");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        if (process.exitValue() != 0 && Boolean.getBoolean("credentials.test.logs")) {
            try (var logs = Files.list(work.resolve("logs"))) {
                for (Path log : logs.toList()) {
                    System.out.println("---- " + log + "\n" + Files.readString(log));
                }
            }
        }
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                err, millis);
    }

    private Result list(Map<String, String> env, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("-v", "list", "--format", "json"));
        return run(env, args.toArray(String[]::new));
    }

    private static void assertListed(Result result, String connection) {
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains(USER_EMAIL), result.out());
        assertTrue(result.err().contains("Using table User on " + connection + "."), result.err());
        assertFalse(result.err().contains(secretOf(result)), result.err());
    }

    private static String secretOf(Result ignored) {
        return secret;
    }

    private String endpoint() {
        return moto.endpoint().toString();
    }

    private String viaProfile(String profile) {
        return "endpoint " + endpoint() + " (from profile " + profile + ")";
    }

    @Test
    void unknownKeysAreRefusedSoEveryPassBelowUsedRealCredentials() throws Exception {
        Result refused = list(Map.of("AWS_ENDPOINT_URL", endpoint(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "AKIAUNKNOWN0000", "AWS_SECRET_ACCESS_KEY", "wrong"));
        assertEquals(3, refused.exitCode(), refused.err());
        assertFalse(refused.out().contains(USER_EMAIL));
    }

    @Test
    void aStaticProfileByOptionHonoursItsEndpointAndRegionAndSaysSo() throws Exception {
        config("[profile static]\nregion = us-east-1\nendpoint_url = " + endpoint() + "\n");
        credentials("[static]\n" + baseKeys());
        assertListed(list(Map.of(), "--profile", "static"),
                viaProfile("static") + " (credentials: profile static, static keys)");
    }

    @Test
    void aProfileUnderHomeIsFoundByAwsProfileAndItsRegionUsed() throws Exception {
        config("[profile h]\nregion = eu-west-2\nendpoint_url = " + endpoint() + "\n" + baseKeys());
        Result result = list(Map.of("AWS_PROFILE", "h"));
        // eu-west-2 has the table, empty; us-east-1 (the fallback) has the witness
        assertEquals(0, result.exitCode(), result.err());
        assertFalse(result.out().contains(USER_EMAIL), result.out());
        assertTrue(result.err().contains("Using table User on " + viaProfile("h") + " (credentials: profile h, static keys)."),
                result.err());
        assertListed(list(Map.of("AWS_PROFILE", "h", "AWS_REGION", "us-east-1")),
                viaProfile("h") + " (credentials: profile h, static keys)");
    }

    @Test
    void filesNamedByAwsConfigFileAndAwsSharedCredentialsFileAreRead() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("cfg"), "[profile named]\nregion = us-east-1\nendpoint_url = " + endpoint() + "\n");
        Files.writeString(elsewhere.resolve("creds"), "[named]\n" + baseKeys());
        assertListed(list(Map.of("AWS_CONFIG_FILE", elsewhere.resolve("cfg").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", elsewhere.resolve("creds").toString()), "--profile", "named"),
                viaProfile("named") + " (credentials: profile named, static keys)");
    }

    @Test
    void credentialProcessIsRunAndNamed() throws Exception {
        Path script = dir.resolve("keys.sh");
        Files.writeString(script, "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"" + keyId
                + "\", \"SecretAccessKey\": \"" + secret + "\"}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        config("[profile proc]\nregion = us-east-1\nendpoint_url = " + endpoint() + "\ncredential_process = " + script + "\n");
        assertListed(list(Map.of(), "--profile", "proc"), viaProfile("proc") + " (credentials: profile proc, credential_process)");
    }

    @Test
    void aRoleIsAssumedFromASourceProfile() throws Exception {
        config("[profile base]\nregion = us-east-1\nendpoint_url = " + endpoint() + "\n"
                + "[profile admin]\nregion = us-east-1\nendpoint_url = " + endpoint() + "\nrole_arn = " + ROLE
                + "\nsource_profile = base\n");
        credentials("[base]\n" + baseKeys());
        assertListed(list(Map.of(), "--profile", "admin"),
                viaProfile("admin") + " (credentials: profile admin, role " + ROLE + " via source_profile base)");
    }

    @Test
    void aRoleIsAssumedWithKeysFromTheEnvironmentAsCredentialSource() throws Exception {
        config("[profile envrole]\nregion = us-east-1\nendpoint_url = " + endpoint() + "\nrole_arn = " + ROLE
                + "\ncredential_source = Environment\n");
        assertListed(list(Map.of("AWS_ACCESS_KEY_ID", keyId, "AWS_SECRET_ACCESS_KEY", secret), "--profile", "envrole"),
                viaProfile("envrole") + " (credentials: profile envrole, role " + ROLE + " via credential_source Environment)");
    }

    @Test
    void aWebIdentityTokenIsExchangedForTheRole() throws Exception {
        // The provider has no credentials but what STS answers: listing proves AssumeRoleWithWebIdentity worked
        Path token = Files.writeString(dir.resolve("token"), "eyJhbGciOiJub25lIn0.eyJzdWIiOiJjaSJ9.");
        String open = openMoto.endpoint().toString();
        assertListed(list(Map.of("AWS_ENDPOINT_URL", open, "AWS_REGION", "us-east-1",
                "AWS_WEB_IDENTITY_TOKEN_FILE", token.toString(), "AWS_ROLE_ARN", ROLE)),
                "endpoint " + open + " (credentials: web identity, role " + ROLE + ")");
    }

    @Test
    void theContainerRoleIsFetchedFromItsUri() throws Exception {
        try (FakeServer container = FakeServer.start(path -> "{\"AccessKeyId\": \"" + keyId + "\", \"SecretAccessKey\": \""
                + secret + "\", \"Expiration\": \"2099-01-01T00:00:00Z\"}")) {
            Result result = list(Map.of("AWS_ENDPOINT_URL", endpoint(), "AWS_REGION", "us-east-1",
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI", container.url() + "/creds"));
            assertListed(result, "endpoint " + endpoint() + " (credentials: container role)");
            assertTrue(container.asked().contains("/creds"), container.asked().toString());
        }
    }

    @Test
    void theInstanceRoleIsFetchedFromTheMetadataService() throws Exception {
        try (FakeServer imds = FakeServer.start(path -> switch (path) {
            case "/latest/api/token" -> "imds-token";
            case "/latest/meta-data/iam/security-credentials/" -> "console-role";
            case "/latest/meta-data/iam/security-credentials/console-role" -> "{\"Code\": \"Success\", \"AccessKeyId\": \""
                    + keyId + "\", \"SecretAccessKey\": \"" + secret + "\", \"Expiration\": \"2099-01-01T00:00:00Z\"}";
            default -> null;
        })) {
            Result result = list(Map.of("AWS_ENDPOINT_URL", endpoint(), "AWS_REGION", "us-east-1",
                    "AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url()));
            assertListed(result, "endpoint " + endpoint() + " (credentials: instance role (EC2 instance metadata))");
            assertTrue(imds.asked().contains("/latest/meta-data/iam/security-credentials/console-role"), imds.asked().toString());
        }
    }

    private static final String SSO_START = "https://example.awsapps.com/start";

    private String ssoProfiles() {
        return "[profile sso-old]\nregion = us-east-1\nendpoint_url = " + endpoint() + "\nsso_start_url = " + SSO_START
                + "\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n"
                + "[profile sso-new]\nregion = us-east-1\nendpoint_url = " + endpoint() + "\nsso_session = corp"
                + "\nsso_account_id = 123456789012\nsso_role_name = Admin\n"
                + "[sso-session corp]\nsso_start_url = " + SSO_START + "\nsso_region = us-east-1\n";
    }

    /** A run that fails before any credentials are asked for: what start-up alone costs on this machine now. */
    private long startUpMillis() throws Exception {
        return list(Map.of("AWS_PROFILE", "absent")).millis();
    }

    private void assertSsoLoginAsked(String profile, long startUp) throws Exception {
        Result result = list(Map.of(), "--profile", profile);
        assertEquals(3, result.exitCode(), result.err());
        assertTrue(result.err().contains("error: The SSO login of profile " + profile
                + " is missing or has expired: run `aws sso login --profile " + profile + "`.\n"), result.err());
        assertTrue(result.millis() < startUp + 2000, "took " + result.millis() + " ms, start-up alone " + startUp);
    }

    @Test
    void ssoWithoutALoginSaysToLogInInBothForms() throws Exception {
        config(ssoProfiles());
        long startUp = startUpMillis();
        assertSsoLoginAsked("sso-old", startUp);
        assertSsoLoginAsked("sso-new", startUp);
    }

    @Test
    void ssoWithAnExpiredCachedTokenSaysToLogInInBothForms() throws Exception {
        config(ssoProfiles());
        Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
        String expired = "{\"startUrl\": \"" + SSO_START + "\", \"region\": \"us-east-1\", \"accessToken\": \"old\","
                + " \"expiresAt\": \"2020-01-01T00:00:00Z\"}";
        Files.writeString(cache.resolve(sha1(SSO_START) + ".json"), expired);
        Files.writeString(cache.resolve(sha1("corp") + ".json"), expired);
        long startUp = startUpMillis();
        assertSsoLoginAsked("sso-old", startUp);
        assertSsoLoginAsked("sso-new", startUp);
    }

    private static String sha1(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMissingProfileIsNamedWithWhereTheNameCameFromAndTheFilesRead() throws Exception {
        config("[profile other]\nregion = us-east-1\n");
        Result result = list(Map.of("AWS_PROFILE", "absent"));
        assertEquals(3, result.exitCode(), result.err());
        assertEquals("error: The AWS profile absent (from AWS_PROFILE) is not in " + home.resolve(".aws/config")
                + " and " + home.resolve(".aws/credentials") + "; check the name, or set AWS_CONFIG_FILE to the file"
                + " that has it.\n", result.err());
    }

    @Test
    void aRoleThatCannotBeAssumedIsNamedWithItsProfile() throws Exception {
        config("[profile stranger]\nregion = us-east-1\nendpoint_url = " + endpoint() + "\n"
                + "[profile denied]\nregion = us-east-1\nendpoint_url = " + endpoint() + "\nrole_arn = " + ROLE
                + "\nsource_profile = stranger\n");
        credentials("[stranger]\naws_access_key_id = AKIANOBODY000000\naws_secret_access_key = nobody-secret\n");
        long startUp = startUpMillis();
        Result result = list(Map.of(), "--profile", "denied");
        assertEquals(3, result.exitCode(), result.err());
        assertTrue(result.err().contains("error: Profile denied could not assume role " + ROLE + " ("), result.err());
        assertFalse(result.err().contains("nobody-secret"), result.err());
        assertTrue(result.millis() < startUp + 2000, "took " + result.millis() + " ms, start-up alone " + startUp);
    }

    @Test
    void anExpiredSessionTokenSaysWhereItCameFromAndHowToRenewIt() throws Exception {
        String expiredAnswer = "{\"__type\":\"com.amazon.coral.service#ExpiredTokenException\","
                + "\"message\":\"The security token included in the request is expired\"}";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = expiredAnswer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Result result = list(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "ASIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "expired-key-secret",
                    "AWS_SESSION_TOKEN", "session-secret"));
            assertEquals(3, result.exitCode(), result.err());
            assertTrue(result.err().contains("error: The session token in AWS_SESSION_TOKEN (environment variables) has"
                    + " expired: set fresh AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.\n"), result.err());
            assertFalse(result.err().contains("session-secret") || result.err().contains("expired-key-secret"), result.err());
        } finally {
            server.stop(0);
        }
    }

    private static final String MFA_SERIAL = "arn:aws:iam::123456789012:mfa/ann";

    private void mfaProfile() throws IOException {
        config("[profile base]\nregion = us-east-1\nendpoint_url = " + endpoint() + "\n"
                + "[profile mfa]\nregion = us-east-1\nendpoint_url = " + endpoint() + "\nrole_arn = " + ROLE
                + "\nsource_profile = base\nmfa_serial = " + MFA_SERIAL + "\n");
        credentials("[base]\n" + baseKeys());
    }

    @Test
    void anMfaRoleWithoutATerminalIsRefusedSayingSo() throws Exception {
        mfaProfile();
        Result result = list(Map.of(), "--profile", "mfa");
        assertEquals(3, result.exitCode(), result.err());
        assertTrue(result.err().contains("error: Profile mfa needs an MFA code and none was given (there is no terminal"
                + " to ask on, or the question was cancelled): run it in a terminal and type the code.\n"), result.err());
        assertFalse(result.out().contains(USER_EMAIL));
    }

    @Test
    void anMfaRoleOnATerminalAsksForTheCodeMaskedAndAssumesTheRole() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) is not installed: skipped");
        mfaProfile();
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--profile", "mfa", "list");
        String line = String.join(" ", java.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/script", "-qefc", line, "/dev/null")
                .directory(Files.createDirectories(dir.resolve("work")).toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        StringBuffer screen = new StringBuffer();
        Thread reader = new Thread(() -> {
            try {
                byte[] buffer = new byte[4096];
                for (int n; (n = process.getInputStream().read(buffer)) > 0; ) {
                    screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!screen.toString().contains("MFA code for " + MFA_SERIAL + " (profile mfa): ")
                && System.currentTimeMillis() < deadline && process.isAlive()) {
            Thread.sleep(20);
        }
        assertTrue(screen.toString().contains("MFA code for " + MFA_SERIAL + " (profile mfa): "), screen.toString());
        process.getOutputStream().write("975310\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), screen.toString());
        reader.join(5_000);
        assertEquals(0, process.exitValue(), screen.toString());
        assertTrue(screen.toString().contains(USER_EMAIL), screen.toString());
        assertFalse(screen.toString().contains("975310"), "the code was echoed: " + screen);
    }

    @Test
    void theProfileOptionsSettingsWinOverAwsProfilesEndpoint() throws Exception {
        config("[profile chosen]\nregion = us-east-1\n" + baseKeys()
                + "[profile elsewhere]\nregion = us-east-1\nendpoint_url = " + endpoint() + "\n");
        Result result = list(Map.of("AWS_PROFILE", "elsewhere", "DYNAMODB_TIMEOUT_SECONDS", "2"), "--profile", "chosen");
        // what it says is what it does: real DynamoDB (unreachable from here), not moto behind AWS_PROFILE's endpoint
        assertTrue(result.err().contains("Using table User on AWS DynamoDB in us-east-1 (credentials: profile chosen,"
                + " static keys)."), result.err());
        assertEquals(3, result.exitCode(), result.err());
        assertFalse(result.out().contains(USER_EMAIL), result.out());
    }

    /** A loopback HTTP server answering 200 with {@code answers(path)}, or 404 where that is null. */
    private record FakeServer(HttpServer server, List<String> asked) implements AutoCloseable {
        static FakeServer start(Function<String, String> answers) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());
            server.createContext("/", exchange -> {
                asked.add(exchange.getRequestURI().getPath());
                String answer = answers.apply(exchange.getRequestURI().getPath());
                byte[] body = answer == null ? new byte[0] : answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return new FakeServer(server, asked);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
