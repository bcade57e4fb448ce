package dev.userconsole.config;

import software.amazon.awssdk.profiles.ProfileFile;

/**
 * How to authenticate. {@link #toString()} never shows the secret, so this value is safe to log.
 *
 * @param source the credential form and where it comes from, in words ("static keys from .env",
 *               "profile ops (SSO)", ...); never a secret
 * @param profileFile the parsed AWS files a {@link Kind#PROFILE} is read from; null: the SDK's default files
 */
public record Credentials(Kind kind, String source, String accessKeyId, String secretAccessKey,
                          String sessionToken, String profile, ProfileFile profileFile) {

    public enum Kind {
        /** Keys given explicitly (from {@code .env} or the environment). */
        KEYS,
        /** A named profile from the AWS config and credentials files, in any of its forms. */
        PROFILE,
        /** A role assumed with the token in {@code AWS_WEB_IDENTITY_TOKEN_FILE} ({@code AWS_ROLE_ARN}). */
        WEB_IDENTITY,
        /** The container's role ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} or {@code _RELATIVE_URI}). */
        CONTAINER,
        /** The EC2 instance's role, from the instance metadata service: what is left when nothing is set. */
        INSTANCE,
        /** Fixed dummy keys for a local endpoint that does not check them (DynamoDB Local). */
        PLACEHOLDER
    }

    /** @param from ".env" or "environment variables" */
    public static Credentials keys(String from, String accessKeyId, String secretAccessKey, String sessionToken) {
        String form = sessionToken == null ? "static keys" : "static keys with a session token";
        return new Credentials(Kind.KEYS, form + " from " + from, accessKeyId, secretAccessKey, sessionToken,
                null, null);
    }

    public static Credentials profile(String profile) {
        return new Credentials(Kind.PROFILE, "profile " + profile, null, null, null, profile, null);
    }

    /** @param form how the profile authenticates, as {@link AwsProfiles#credentialForm} says it */
    public static Credentials profile(String profile, String form, ProfileFile profileFile) {
        return new Credentials(Kind.PROFILE, "profile " + profile + ", " + form, null, null, null, profile,
                profileFile);
    }

    public static Credentials webIdentity(String roleArn) {
        return new Credentials(Kind.WEB_IDENTITY, "web identity, role " + roleArn, null, null, null, null, null);
    }

    public static Credentials container() {
        return new Credentials(Kind.CONTAINER, "container role", null, null, null, null, null);
    }

    public static Credentials instance() {
        return new Credentials(Kind.INSTANCE, "instance role (EC2 instance metadata)", null, null, null, null,
                null);
    }

    public static Credentials placeholder() {
        return new Credentials(Kind.PLACEHOLDER, "placeholder keys for a local endpoint", "local", "local", null,
                null, null);
    }

    @Override
    public String toString() {
        return "Credentials[" + kind + ", " + source + "]";
    }
}
