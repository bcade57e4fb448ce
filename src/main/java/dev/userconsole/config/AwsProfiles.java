package dev.userconsole.config;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.VisibleText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;

/**
 * The AWS config and credentials files, found where the SDK finds them ({@code AWS_CONFIG_FILE},
 * {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code $HOME/.aws}), and what a profile in them says.
 */
public final class AwsProfiles {
    private final Path configFile;
    private final Path credentialsFile;
    /** Null when neither file exists: parsing nothing is skipped, it costs start-up time. */
    private final ProfileFile profileFile;

    private AwsProfiles(Path configFile, Path credentialsFile, ProfileFile profileFile) {
        this.configFile = configFile;
        this.credentialsFile = credentialsFile;
        this.profileFile = profileFile;
    }

    /** The files the SDK itself would read in this process. */
    public static AwsProfiles fromSystem() {
        return of(ProfileFileLocation.configurationFilePath(), ProfileFileLocation.credentialsFilePath());
    }

    /**
     * The files an environment names: AWS_CONFIG_FILE (else $HOME/.aws/config) and AWS_SHARED_CREDENTIALS_FILE
     * (else $HOME/.aws/credentials).
     */
    public static AwsProfiles of(Map<String, String> environment) {
        String home = environment.getOrDefault("HOME", "");
        return of(file(environment.get("AWS_CONFIG_FILE"), Path.of(home, ".aws", "config")),
                file(environment.get("AWS_SHARED_CREDENTIALS_FILE"), Path.of(home, ".aws", "credentials")));
    }

    /** Sorted profile names from the files this environment names (for the console's switcher); none without files. */
    public static List<String> names(Map<String, String> environment) {
        return of(environment).names();
    }

    public List<String> names() {
        return profileFile == null ? List.of() : profileFile.profiles().keySet().stream().sorted().toList();
    }

    private static Path file(String named, Path fallback) {
        return named == null || named.isBlank() ? fallback : Path.of(named);
    }

    public static AwsProfiles of(Path configFile, Path credentialsFile) {
        boolean config = Files.isRegularFile(configFile);
        boolean credentials = Files.isRegularFile(credentialsFile);
        if (!config && !credentials) {
            return new AwsProfiles(configFile, credentialsFile, null);
        }
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        if (credentials) {
            files.addFile(parse(credentialsFile, ProfileFile.Type.CREDENTIALS));
        }
        if (config) {
            files.addFile(parse(configFile, ProfileFile.Type.CONFIGURATION));
        }
        return new AwsProfiles(configFile, credentialsFile, files.build());
    }

    private static ProfileFile parse(Path file, ProfileFile.Type type) {
        try {
            return ProfileFile.builder().content(file).type(type).build();
        } catch (RuntimeException e) {
            // the SDK's message names the line by number, never its content
            String reason = String.valueOf(e.getMessage()).strip();
            throw new ConsoleException(Problem.CONFIGURATION, "The AWS file " + file + " cannot be read ("
                    + VisibleText.of(reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason)
                    + "); fix it, or point " + (type == ProfileFile.Type.CONFIGURATION ? "AWS_CONFIG_FILE"
                    : "AWS_SHARED_CREDENTIALS_FILE") + " at another file.", e);
        }
    }

    private static final AwsProfiles NONE = new AwsProfiles(Path.of("/nonexistent/config"),
            Path.of("/nonexistent/credentials"), null);

    /** No AWS files at all (tests, and callers that supply a profile's region themselves). */
    public static AwsProfiles none() {
        return NONE;
    }

    /** The parsed files, for the SDK's own providers; null when there are none. */
    public ProfileFile profileFile() {
        return profileFile;
    }

    public Optional<Profile> profile(String name) {
        return profileFile == null ? Optional.empty() : profileFile.profile(name);
    }

    public Optional<String> region(String profile) {
        return profile(profile).flatMap(p -> p.property("region")).filter(r -> !r.isBlank());
    }

    /**
     * The endpoint a profile sets for DynamoDB, as the SDK reads it: {@code endpoint_url} under
     * {@code dynamodb} in its {@code services} section wins over the profile's own {@code endpoint_url}.
     */
    public Optional<String> dynamoDbEndpoint(String profile) {
        Optional<Profile> found = profile(profile);
        Optional<String> service = found.flatMap(p -> p.property("services"))
                .flatMap(section -> profileFile.getSection("services", section))
                .flatMap(services -> services.property("dynamodb.endpoint_url"));
        return service.or(() -> found.flatMap(p -> p.property("endpoint_url"))).filter(u -> !u.isBlank());
    }

    /** "/h/.aws/config and /h/.aws/credentials": the files looked in, for sentences about a missing profile. */
    public String filesLookedIn() {
        List<String> names = new ArrayList<>();
        names.add(configFile.toString());
        names.add(credentialsFile.toString());
        return String.join(" and ", names);
    }

    /** Whether either file exists. */
    public boolean any() {
        return profileFile != null;
    }

    /** How a profile authenticates, in words, never a secret: "role arn:... via source_profile base". */
    public static String credentialForm(Profile profile) {
        Optional<String> role = profile.property("role_arn");
        String mfa = profile.property("mfa_serial").isPresent() ? " with MFA" : "";
        if (role.isPresent()) {
            if (profile.property("web_identity_token_file").isPresent()) {
                return "web identity, role " + role.get();
            }
            Optional<String> source = profile.property("source_profile");
            if (source.isPresent()) {
                return "role " + role.get() + " via source_profile " + source.get() + mfa;
            }
            return "role " + role.get() + " via credential_source "
                    + profile.property("credential_source").orElse("(none)") + mfa;
        }
        Optional<String> session = profile.property("sso_session");
        if (session.isPresent()) {
            return "SSO, sso_session " + session.get();
        }
        if (profile.property("sso_start_url").isPresent() || profile.property("sso_account_id").isPresent()) {
            return "SSO";
        }
        if (profile.property("credential_process").isPresent()) {
            return "credential_process";
        }
        if (profile.property("aws_access_key_id").isPresent()) {
            return profile.property("aws_session_token").isPresent() ? "static keys with a session token"
                    : "static keys";
        }
        return "no credentials in it";
    }
}
