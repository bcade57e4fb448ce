package dev.userconsole.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profile resolution from real AWS files: region, endpoint and credential form, by either way of naming it. */
class AwsProfilesTest {
    private static final String CONFIG = """
            [default]
            region = eu-north-1

            [profile staging]
            region = eu-west-3
            endpoint_url = http://127.0.0.1:4566

            [profile scoped]
            region = us-west-1
            endpoint_url = http://127.0.0.1:1111
            services = local-dynamo

            [services local-dynamo]
            dynamodb =
              endpoint_url = http://127.0.0.1:2222

            [profile static]
            region = ap-south-1

            [profile process]
            region = us-east-2
            credential_process = /usr/local/bin/get-keys --secret-flag

            [profile sso-legacy]
            region = us-east-1
            sso_start_url = https://example.awsapps.com/start
            sso_region = us-east-1
            sso_account_id = 111122223333
            sso_role_name = Admin

            [profile sso-new]
            region = us-east-1
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = Admin

            [sso-session corp]
            sso_start_url = https://example.awsapps.com/start
            sso_region = us-east-1

            [profile prod]
            region = eu-central-1
            role_arn = arn:aws:iam::123456789012:role/admin
            source_profile = static
            mfa_serial = arn:aws:iam::123456789012:mfa/ann

            [profile ec2]
            region = eu-central-1
            role_arn = arn:aws:iam::123456789012:role/app
            credential_source = Environment

            [profile noregion]
            aws_access_key_id = AKIAEXAMPLE
            """;
    private static final String CREDENTIALS = """
            [static]
            aws_access_key_id = AKIASTATIC
            aws_secret_access_key = very-secret-value
            """;

    @TempDir
    Path home;
    private AwsProfiles profiles;

    @BeforeEach
    void writeFiles() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        profiles = AwsProfiles.of(Files.writeString(home.resolve(".aws/config"), CONFIG),
                Files.writeString(home.resolve(".aws/credentials"), CREDENTIALS));
    }

    private Settings load(Map<String, String> env, Options options) {
        return new SettingsLoader(home, env, Map.of(), profiles).load(options);
    }

    private static Options profileOption(String name) {
        return new Options(null, null, false, null, null, name);
    }

    @Test
    void aProfilesEndpointIsHonouredAndNamedTheSameWayByOptionAndEnvironment() {
        for (Settings s : new Settings[] {load(Map.of(), profileOption("staging")),
                load(Map.of("AWS_PROFILE", "staging"), Options.none())}) {
            Target.Endpoint endpoint = assertInstanceOf(Target.Endpoint.class, s.target());
            assertEquals(URI.create("http://127.0.0.1:4566"), endpoint.uri());
            assertEquals("eu-west-3", endpoint.region());
            assertEquals("endpoint http://127.0.0.1:4566 (from profile staging)", endpoint.describe());
            assertEquals("profile staging, no credentials in it", endpoint.credentialsSource());
        }
    }

    @Test
    void theServicesSectionsDynamoDbEndpointWinsOverTheProfilesOwn() {
        Target.Endpoint endpoint = (Target.Endpoint) load(Map.of(), profileOption("scoped")).target();
        assertEquals(URI.create("http://127.0.0.1:2222"), endpoint.uri());
    }

    @Test
    void anEndpointFromTheEnvironmentOrOptionWinsOverTheProfiles() {
        Target.Endpoint fromEnv = (Target.Endpoint) load(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9"),
                profileOption("staging")).target();
        assertEquals("endpoint http://127.0.0.1:9", fromEnv.describe());
        Options both = new Options("http://127.0.0.1:8", null, false, null, null, "staging");
        assertEquals(URI.create("http://127.0.0.1:8"), ((Target.Endpoint) load(Map.of(), both).target()).uri());
    }

    @Test
    void everyProfileFormIsNamedWithoutASecret() {
        Map<String, String> expected = Map.of(
                "static", "profile static, static keys",
                "process", "profile process, credential_process",
                "sso-legacy", "profile sso-legacy, SSO",
                "sso-new", "profile sso-new, SSO, sso_session corp",
                "prod", "profile prod, role arn:aws:iam::123456789012:role/admin via source_profile static with MFA",
                "ec2", "profile ec2, role arn:aws:iam::123456789012:role/app via credential_source Environment");
        expected.forEach((profile, said) -> {
            Settings s = load(Map.of(), profileOption(profile));
            Target.Aws aws = assertInstanceOf(Target.Aws.class, s.target(), profile);
            assertEquals(said, aws.credentialsSource());
            assertFalse(s.describeConnection().contains("very-secret-value"));
            assertFalse(s.describeConnection().contains("--secret-flag"));
        });
    }

    @Test
    void theDefaultProfileIsUsedAndNamedWhenNoneIsGiven() {
        Target.Aws aws = (Target.Aws) load(Map.of(), Options.none()).target();
        assertEquals("eu-north-1", aws.region());
        assertEquals("profile default, no credentials in it", aws.credentialsSource());
    }

    @Test
    void aMissingProfileIsNamedWithWhereItsNameCameFromAndTheFilesRead() {
        ConsoleException byOption = assertThrows(ConsoleException.class, () -> load(Map.of(), profileOption("nope")));
        assertEquals(Problem.CREDENTIALS, byOption.problem());
        assertEquals(3, byOption.exitCode());
        assertEquals("The AWS profile nope (from --profile) is not in " + home.resolve(".aws/config") + " and "
                + home.resolve(".aws/credentials") + "; check the name, or set AWS_CONFIG_FILE to the file that has it.",
                byOption.getMessage());
        ConsoleException byEnv = assertThrows(ConsoleException.class,
                () -> load(Map.of("AWS_PROFILE", "nope"), Options.none()));
        assertTrue(byEnv.getMessage().contains("nope (from AWS_PROFILE)"), byEnv.getMessage());
    }

    @Test
    void aProfileWithoutARegionOrEndpointIsSaidInsteadOfOpeningTheEmbeddedDatabase() {
        ConsoleException e = assertThrows(ConsoleException.class, () -> load(Map.of(), profileOption("noregion")));
        assertEquals(Problem.CONFIGURATION, e.problem());
        assertTrue(e.getMessage().startsWith("The AWS profile noregion names no region: add region = NAME to it"), e.getMessage());
        assertInstanceOf(Target.Aws.class, load(Map.of("AWS_REGION", "eu-west-1"), profileOption("noregion")).target());
    }

    @Test
    void keysInTheEnvironmentWinOverAwsProfileButItsRegionStillAppliesAndTheProfileOptionWinsOverThem() {
        Map<String, String> keys = Map.of("AWS_ACCESS_KEY_ID", "AKIAENV", "AWS_SECRET_ACCESS_KEY", "env-secret");
        Map<String, String> env = new java.util.HashMap<>(keys);
        env.put("AWS_PROFILE", "static");
        Target.Aws aws = (Target.Aws) load(env, Options.none()).target();
        assertEquals("ap-south-1", aws.region());
        assertEquals("static keys from environment variables", aws.credentialsSource());
        assertEquals("profile static, static keys", load(keys, profileOption("static")).target().credentialsSource());
    }

    @Test
    void aMalformedFileIsNamedWithoutItsContent() throws IOException {
        Path broken = Files.writeString(home.resolve("broken"), "[profile x]\naws_secret_access_key\n");
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> AwsProfiles.of(broken, home.resolve("none")));
        assertEquals(Problem.CONFIGURATION, e.problem());
        assertTrue(e.getMessage().startsWith("The AWS file " + broken + " cannot be read ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("point AWS_CONFIG_FILE at another file."), e.getMessage());
    }

    @Test
    void profilesComeFromBothFilesUnderHome() throws IOException {
        Path other = Files.createDirectories(home.resolve("other/.aws"));
        Files.writeString(other.resolve("config"), "[default]\nregion = eu-west-1\n[profile ops]\nregion = eu-west-2\n"
                + "[sso-session corp]\nsso_region = eu-west-1\n");
        Files.writeString(other.resolve("credentials"), "[keys-only]\naws_access_key_id = AKIAEXAMPLE\n"
                + "aws_secret_access_key = example\n");
        assertEquals(List.of("default", "keys-only", "ops"),
                AwsProfiles.names(Map.of("HOME", home.resolve("other").toString())));
    }

    @Test
    void theVariablesNameOtherFiles() throws IOException {
        Path config = Files.writeString(home.resolve("cfg"), "[profile from-variable]\nregion = eu-west-1\n");
        Path credentials = Files.writeString(home.resolve("creds"), "[creds-variable]\naws_access_key_id = A\n");
        assertEquals(List.of("creds-variable", "from-variable"), AwsProfiles.names(Map.of("HOME", "/nonexistent",
                "AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE", credentials.toString())));
    }

    @Test
    void noFilesNoProfiles() {
        assertEquals(List.of(), AwsProfiles.names(Map.of("HOME", home.resolve("empty").toString())));
    }

    @Test
    void aConnectionsMissingProfileIsSaidToComeFromTheConnectionAndItsRegionIsNotRedirectedByTheProfile()
            throws IOException {
        Path file = home.resolve(".config/user-console/connections.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[prod]\nregion = \"eu-west-1\"\nprofile = \"gone\"\n\n"
                + "[stage]\nregion = \"eu-west-1\"\nprofile = \"staging\"\n");
        Map<String, String> env = Map.of("HOME", home.toString());
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> load(env, Options.none().withConnection("prod", false)));
        assertTrue(e.getMessage().startsWith("The AWS profile gone (from connection prod) is not in "), e.getMessage());
        // the connection names a region: the profile's endpoint_url does not send it elsewhere
        Target.Aws aws = assertInstanceOf(Target.Aws.class, load(env, Options.none().withConnection("stage", false)).target());
        assertEquals("eu-west-1", aws.region());
        assertEquals("profile staging, no credentials in it", aws.credentialsSource());
    }
}
