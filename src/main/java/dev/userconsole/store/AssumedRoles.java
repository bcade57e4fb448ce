package dev.userconsole.store;

import dev.userconsole.config.MfaCodes;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Credentials for a profile, assuming its {@code role_arn} ourselves rather than through the SDK's profile
 * provider: its STS client would ignore the profile's {@code endpoint_url} when the profile is not
 * {@code AWS_PROFILE}, and it cannot ask for an MFA code.
 */
final class AssumedRoles {
    private static final int MAX_CHAIN = 5;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final ProfileFile files;
    private final String fallbackRegion;
    private final MfaCodes mfaCodes;

    AssumedRoles(ProfileFile files, String fallbackRegion, MfaCodes mfaCodes) {
        this.files = files;
        this.fallbackRegion = fallbackRegion;
        this.mfaCodes = mfaCodes;
    }

    AwsCredentialsProvider provider(String profileName) {
        return provider(profileName, 0);
    }

    private AwsCredentialsProvider provider(String name, int depth) {
        if (depth > MAX_CHAIN) {
            throw SdkClientException.create("source_profile chains more than " + MAX_CHAIN + " roles");
        }
        Profile profile = files.profile(name)
                .orElseThrow(() -> SdkClientException.create("profile " + name + " is not in the AWS files"));
        Optional<String> role = profile.property("role_arn");
        if (role.isEmpty() || profile.property("web_identity_token_file").isPresent()) {
            return ProfileCredentialsProvider.builder().profileFile(files).profileName(name).build();
        }
        AwsCredentialsProvider source = source(profile, name, depth);
        StsClient sts = StsClient.builder()
                .region(Region.of(profile.property("region").orElse(fallbackRegion)))
                .credentialsProvider(source)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT))
                // the role profile's own endpoint_url (and services section) apply to its STS calls
                .overrideConfiguration(o -> o.defaultProfileFile(files).defaultProfileName(name)
                        .retryStrategy(RetryMode.STANDARD).apiCallTimeout(CALL_TIMEOUT))
                .build();
        return StsAssumeRoleCredentialsProvider.builder().stsClient(sts).asyncCredentialUpdateEnabled(false)
                .refreshRequest(() -> request(profile, name, role.get())).build();
    }

    private AwsCredentialsProvider source(Profile profile, String name, int depth) {
        Optional<String> sourceProfile = profile.property("source_profile");
        if (sourceProfile.isPresent()) {
            if (sourceProfile.get().equals(name)) {
                // a role profile may be its own source: its keys, not its role
                return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        profile.property("aws_access_key_id").orElse(""),
                        profile.property("aws_secret_access_key").orElse("")));
            }
            return provider(sourceProfile.get(), depth + 1);
        }
        String credentialSource = profile.property("credential_source").orElse("");
        return switch (credentialSource) {
            case "Environment" -> EnvironmentVariableCredentialsProvider.create();
            case "Ec2InstanceMetadata" -> InstanceProfileCredentialsProvider.create();
            case "EcsContainer" -> ContainerCredentialsProvider.builder().build();
            default -> throw SdkClientException.create("credential_source \"" + credentialSource
                    + "\" is none of Environment, Ec2InstanceMetadata, EcsContainer");
        };
    }

    private AssumeRoleRequest request(Profile profile, String name, String roleArn) {
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder().roleArn(roleArn)
                .roleSessionName(profile.property("role_session_name")
                        .orElse("user-console-" + System.currentTimeMillis()));
        profile.property("external_id").ifPresent(request::externalId);
        profile.property("duration_seconds").map(Integer::valueOf).ifPresent(request::durationSeconds);
        Optional<String> serial = profile.property("mfa_serial");
        if (serial.isPresent()) {
            String code = mfaCodes.code(name, serial.get()).orElseThrow(() -> new MfaCodeMissing(name, serial.get()));
            request.serialNumber(serial.get()).tokenCode(code);
        }
        return request.build();
    }

    /** No MFA code could be had: no terminal to ask on, or the question was cancelled. */
    static final class MfaCodeMissing extends SdkClientException {
        private static final long serialVersionUID = 1L;

        MfaCodeMissing(String profile, String serial) {
            super(SdkClientException.builder().message("no MFA code for " + serial + " of profile " + profile));
        }
    }
}
