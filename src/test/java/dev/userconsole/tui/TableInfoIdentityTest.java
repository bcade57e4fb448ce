package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.userconsole.config.Credentials;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.testing.CapturedOutput;
import dev.userconsole.testing.FaultProxy;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.testing.Moto;
import dev.userconsole.users.UserController;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's table info names the account and principal the credentials are (sts:GetCallerIdentity,
 * sent where DynamoDB goes), asked only when table info is opened: the first frames send no STS request.
 * Where there is no account to tell, or STS does not answer, table info still opens and says why.
 */
class TableInfoIdentityTest {
    @TempDir
    Path dir;

    private static Settings settings(URI endpoint, Credentials credentials, String table) {
        return new Settings(new Target.Endpoint(endpoint, "us-east-1", credentials), table, Settings.MIN_BCRYPT_COST,
                Duration.ofSeconds(5), Path.of("target", "test-logs"));
    }

    private static String tableInfo(VirtualConsole console) {
        console.type("t");
        String screen = console.waitFor("Principal:");
        CapturedOutput.record("TableInfoIdentityTest, table info", screen);
        return screen;
    }

    @Test
    void tableInfoNamesTheAccountAndPrincipalAndAsksStsOnlyWhenOpened() throws IOException {
        assumeTrue(Moto.available(), "moto (python3 with moto and boto3) is not installed here: the STS identity"
                + " case is skipped");
        try (Moto moto = Moto.start(5, dir.resolve("moto.log"))) {
            String[] key = moto.python(""
                    + "iam = client('iam')\n"
                    + "iam.create_user(UserName='ops')\n"
                    + "iam.put_user_policy(UserName='ops', PolicyName='p', PolicyDocument=json.dumps({'Version':"
                    + " '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'dynamodb:*', 'Resource': '*'}]}))\n"
                    + "k = iam.create_access_key(UserName='ops')['AccessKey']\n"
                    + "iam.create_user(UserName='nobody')\n"
                    + "n = iam.create_access_key(UserName='nobody')['AccessKey']\n"
                    + "print(k['AccessKeyId'], k['SecretAccessKey'], n['AccessKeyId'], n['SecretAccessKey'])\n")
                    .strip().split(" ");
            String table = "Users_identity";
            try (FaultProxy proxy = new FaultProxy(moto.endpoint().getPort());
                 UserController admin = UserController.open(settings(moto.endpoint(),
                         Credentials.keys("test", key[0], key[1], null), table))) {
                admin.createTable(true);
                try (VirtualConsole console = new VirtualConsole(100, 30, () -> UserController.open(settings(
                        proxy.endpoint(), Credentials.keys("test", key[0], key[1], null), table)), table)) {
                    console.waitFor("Table " + table + ": ACTIVE");
                    assertEquals(0, proxy.requestsOtherThanDynamoDb(), "STS was asked on the way to the first frame");

                    String screen = tableInfo(console);
                    assertTrue(screen.contains("Account:      123456789012"), screen);
                    assertTrue(screen.contains("Principal:    arn:aws:iam::123456789012:user/ops"), screen);
                    assertTrue(screen.contains("Status:       ACTIVE"), screen);
                    assertEquals(1, proxy.requestsOtherThanDynamoDb());
                    assertFalse(screen.contains(key[1]), "the secret key is on screen");
                }
                // credentials that may not even describe the table still learn who they are
                try (VirtualConsole console = new VirtualConsole(100, 30, () -> UserController.open(settings(
                        moto.endpoint(), Credentials.keys("test", key[2], key[3], null), table)), table)) {
                    console.waitFor("unavailable: access denied");
                    String screen = tableInfo(console);
                    assertTrue(screen.contains("Principal:    arn:aws:iam::123456789012:user/nobody"), screen);
                    assertTrue(screen.contains("Status:       Access denied") && screen.contains("dynamodb:DescribeTable on table " + table), screen);
                    assertFalse(screen.contains(key[3]), "the secret key is on screen");
                }
            }
        }
    }

    @Test
    void whereNoAccountIsBehindTheEndpointTableInfoSaysSoAndStillOpens() throws IOException {
        String table = LocalDynamoDb.freshTableName();
        try (UserController store = LocalDynamoDb.controller(table)) {
            store.createTable(false);
        }
        try (VirtualConsole console = new VirtualConsole(100, 30, () -> LocalDynamoDb.controller(table), table)) {
            console.waitFor("Table " + table + ": ACTIVE");
            String screen = tableInfo(console);
            assertTrue(screen.contains("Account:      not known: local endpoint with placeholder keys"), screen);
            assertTrue(screen.contains("Status:       ACTIVE"), screen);
        }
        // keys DynamoDB Local accepts, but it does not speak STS: the answer is "not known", not an error
        try (VirtualConsole console = new VirtualConsole(100, 30, () -> UserController.open(settings(
                LocalDynamoDb.server().endpoint(), Credentials.keys("test", "AKIDLOCAL", "local-secret-key", null),
                table)), table)) {
            console.waitFor("Table " + table + ": ACTIVE");
            String screen = tableInfo(console);
            assertTrue(screen.contains("Account:      not known: no STS at this address (HTTP "), screen);
            assertTrue(screen.contains("Principal:    not known\n") || screen.contains("Principal:    not known "), screen);
            assertTrue(screen.contains("Status:       ACTIVE"), screen);
            assertFalse(screen.contains("local-secret-key"), screen);
        }
    }
}
