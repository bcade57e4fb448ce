package dev.userconsole.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.profiles.ProfileFile;

/** The profile names in the AWS config and credentials files, found as the SDK finds them. */
public final class AwsProfiles {
    private AwsProfiles() {
    }

    /**
     * Sorted names from AWS_CONFIG_FILE (else $HOME/.aws/config) and AWS_SHARED_CREDENTIALS_FILE (else
     * $HOME/.aws/credentials) of the environment given; none when neither file exists.
     */
    public static List<String> names(Map<String, String> environment) {
        String home = environment.getOrDefault("HOME", "");
        Path config = file(environment.get("AWS_CONFIG_FILE"), Path.of(home, ".aws", "config"));
        Path credentials = file(environment.get("AWS_SHARED_CREDENTIALS_FILE"), Path.of(home, ".aws", "credentials"));
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        boolean any = false;
        if (Files.isRegularFile(config)) {
            files.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
            any = true;
        }
        if (Files.isRegularFile(credentials)) {
            files.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
            any = true;
        }
        return any ? files.build().profiles().keySet().stream().sorted().toList() : List.of();
    }

    private static Path file(String named, Path fallback) {
        return named == null || named.isBlank() ? fallback : Path.of(named);
    }
}
