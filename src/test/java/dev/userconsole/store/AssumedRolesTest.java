package dev.userconsole.store;

import dev.userconsole.config.MfaCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.userconsole.config.AwsProfiles;
import dev.userconsole.config.Credentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A role profile with {@code mfa_serial}: the code the face gives reaches STS with the device's serial, at the
 * role profile's own {@code endpoint_url}; without a code the role is refused with one sentence.
 */
class AssumedRolesTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/admin";
    private static final String SERIAL = "arn:aws:iam::123456789012:mfa/ann";
    private static final String ANSWER = """
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
            <Credentials><AccessKeyId>ASIAASSUMED</AccessKeyId><SecretAccessKey>assumed-secret</SecretAccessKey>
            <SessionToken>assumed-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
            <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/admin/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId>
            </AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>
            </AssumeRoleResponse>""";

    @TempDir
    Path dir;
    private HttpServer sts;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private AwsProfiles profiles;

    @BeforeEach
    void start() throws IOException {
        sts = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sts.createContext("/", exchange -> {
            requests.add(URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8));
            byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        sts.start();
        String endpoint = "http://127.0.0.1:" + sts.getAddress().getPort();
        profiles = AwsProfiles.of(Files.writeString(dir.resolve("config"), "[profile prod]\nregion = eu-west-1\n"
                        + "endpoint_url = " + endpoint + "\nrole_arn = " + ROLE + "\nsource_profile = base\n"
                        + "mfa_serial = " + SERIAL + "\n"),
                Files.writeString(dir.resolve("credentials"), "[base]\naws_access_key_id = AKIABASE\n"
                        + "aws_secret_access_key = base-secret\n"));
    }

    @AfterEach
    void stop() {
        sts.stop(0);
    }

    private Credentials prod() {
        return Credentials.profile("prod", AwsProfiles.credentialForm(profiles.profile("prod").orElseThrow()),
                profiles.profileFile());
    }

    @Test
    void theCodeGivenReachesStsWithTheSerialAtTheProfilesEndpoint() {
        List<String> asked = new ArrayList<>();
        MfaCodes codes = (profile, serial) -> {
            asked.add(profile + " " + serial);
            return Optional.of("975310");
        };
        AwsCredentials credentials = new NamedCredentialsProvider(
                new AssumedRoles(profiles.profileFile(), "us-east-1", codes).provider("prod"), prod()).resolveCredentials();
        assertEquals("ASIAASSUMED", credentials.accessKeyId());
        assertEquals("assumed-token", ((AwsSessionCredentials) credentials).sessionToken());
        assertEquals(List.of("prod " + SERIAL), asked);
        assertEquals(1, requests.size(), requests.toString());
        String request = requests.get(0);
        assertTrue(request.contains("Action=AssumeRole"), request);
        assertTrue(request.contains("RoleArn=" + ROLE), request);
        assertTrue(request.contains("SerialNumber=" + SERIAL), request);
        assertTrue(request.contains("TokenCode=975310"), request);
    }

    @Test
    void withoutACodeTheRoleIsRefusedInOneSentenceAndStsIsNotAsked() {
        CredentialsRefused refused = assertThrows(CredentialsRefused.class, () -> new NamedCredentialsProvider(
                new AssumedRoles(profiles.profileFile(), "us-east-1", MfaCodes.NONE).provider("prod"), prod())
                .resolveCredentials());
        assertEquals("Profile prod needs an MFA code and none was given (there is no terminal to ask on, or the"
                + " question was cancelled): run it in a terminal and type the code.", refused.getMessage());
        assertTrue(requests.isEmpty(), requests.toString());
        assertFalse(refused.getMessage().contains("base-secret"));
    }
}
