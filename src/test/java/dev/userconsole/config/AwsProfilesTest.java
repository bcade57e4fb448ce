package dev.userconsole.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile names the switcher offers, found where the SDK looks: AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, $HOME. */
class AwsProfilesTest {
    @TempDir
    Path home;

    @Test
    void profilesComeFromBothFilesUnderHome() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[default]\nregion = eu-west-1\n[profile ops]\nregion = eu-west-2\n"
                + "[sso-session corp]\nsso_region = eu-west-1\n");
        Files.writeString(home.resolve(".aws/credentials"), "[keys-only]\naws_access_key_id = AKIAEXAMPLE\n"
                + "aws_secret_access_key = example\n");
        assertEquals(List.of("default", "keys-only", "ops"), AwsProfiles.names(Map.of("HOME", home.toString())));
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
        assertEquals(List.of(), AwsProfiles.names(Map.of("HOME", home.toString())));
    }
}
