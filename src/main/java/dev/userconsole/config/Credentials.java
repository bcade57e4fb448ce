package dev.userconsole.config;

/**
 * How to authenticate. {@link #toString()} never shows the secret, so this value is safe to log.
 *
 * @param source where the credentials come from, in words ("environment variables", "profile ops", ...)
 */
public record Credentials(Kind kind, String source, String accessKeyId, String secretAccessKey,
                          String sessionToken, String profile) {

    public enum Kind {
        /** Keys given explicitly (from {@code .env} or the environment). */
        KEYS,
        /** A named profile from {@code ~/.aws/config} and {@code ~/.aws/credentials} (including SSO). */
        PROFILE,
        /** The SDK's default chain: environment, web identity, profile, container, instance role. */
        DEFAULT_CHAIN,
        /** Fixed dummy keys for a local endpoint that does not check them (DynamoDB Local). */
        PLACEHOLDER
    }

    public static Credentials keys(String source, String accessKeyId, String secretAccessKey, String sessionToken) {
        return new Credentials(Kind.KEYS, source, accessKeyId, secretAccessKey, sessionToken, null);
    }

    public static Credentials profile(String profile) {
        return new Credentials(Kind.PROFILE, "profile " + profile, null, null, null, profile);
    }

    public static Credentials defaultChain() {
        return new Credentials(Kind.DEFAULT_CHAIN, "AWS default chain", null, null, null, null);
    }

    public static Credentials placeholder() {
        return new Credentials(Kind.PLACEHOLDER, "placeholder keys for a local endpoint", "local", "local", null, null);
    }

    @Override
    public String toString() {
        return "Credentials[" + kind + ", " + source + "]";
    }
}
