package dev.userconsole.store;

import dev.userconsole.config.Credentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The SDK's provider for a credential form, whose failures become one sentence naming the profile or form
 * and the fix ({@link CredentialsRefused}); the SDK's own message stays in the log through the cause.
 */
final class NamedCredentialsProvider implements AwsCredentialsProvider {
    private final AwsCredentialsProvider delegate;
    private final Credentials credentials;

    NamedCredentialsProvider(AwsCredentialsProvider delegate, Credentials credentials) {
        this.delegate = delegate;
        this.credentials = credentials;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return delegate.resolveCredentials();
        } catch (RuntimeException e) {
            throw new CredentialsRefused(sentence(credentials, e), e);
        }
    }

    /** Why no credentials could be had, and what to do, in one sentence. */
    static String sentence(Credentials credentials, Throwable e) {
        boolean mfaMissing = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            mfaMissing |= t instanceof AssumedRoles.MfaCodeMissing;
        }
        String reason = reason(e);
        String profile = credentials.profile();
        return switch (credentials.kind()) {
            case PROFILE -> profileSentence(credentials, profile, reason, mfaMissing);
            case WEB_IDENTITY -> "The web identity role could not be assumed (" + reason + "): check"
                    + " AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN and the role's trust policy.";
            case CONTAINER -> "The container role's credentials could not be read (" + reason + "): check"
                    + " AWS_CONTAINER_CREDENTIALS_FULL_URI or AWS_CONTAINER_CREDENTIALS_RELATIVE_URI.";
            case INSTANCE -> "No AWS credentials were found (no keys, no profile, and no instance role: " + reason
                    + "): set --profile or AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in .env or"
                    + " the environment.";
            case KEYS, PLACEHOLDER -> "The AWS keys from " + credentials.source() + " cannot be used (" + reason
                    + ").";
        };
    }

    private static String profileSentence(Credentials credentials, String profile, String reason,
                                          boolean mfaMissing) {
        String form = credentials.source();
        if (form.contains(", SSO")) {
            return "The SSO login of profile " + profile + " is missing or has expired: run `aws sso login --profile "
                    + profile + "`.";
        }
        if (form.contains(", role ") && mfaMissing) {
            return "Profile " + profile + " needs an MFA code and none was given (there is no terminal to ask on,"
                    + " or the question was cancelled): run it in a terminal and type the code.";
        }
        if (form.contains(", role ")) {
            String role = form.substring(form.indexOf(", role ") + ", role ".length()).split(" ")[0];
            return "Profile " + profile + " could not assume role " + role + " (" + reason + "): check that the"
                    + " role exists, trusts its source credentials, and that they may call sts:AssumeRole.";
        }
        if (form.endsWith(", credential_process")) {
            return "The credential_process of profile " + profile + " failed (" + reason + "): run it yourself to"
                    + " see why.";
        }
        return "Profile " + profile + " gives no usable credentials (" + reason + "): check it in the AWS"
                + " config and credentials files.";
    }

    /** The fix for session credentials DynamoDB refused as expired, naming where they came from. */
    static String expiredSentence(Credentials credentials) {
        String profile = credentials.profile();
        if (credentials.kind() == Credentials.Kind.PROFILE && credentials.source().contains(", SSO")) {
            return EXPIRED + "of profile " + profile + " has expired: run `aws sso login --profile " + profile + "`.";
        }
        String source = credentials.source();
        return switch (credentials.kind()) {
            case KEYS -> EXPIRED + "in AWS_SESSION_TOKEN (" + source.substring(source.lastIndexOf(" from ") + 6)
                    + ") has expired: set fresh AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.";
            case PROFILE -> EXPIRED + "of profile " + profile + " has expired: put fresh keys and aws_session_token"
                    + " in it, or refresh it the way it was made.";
            default -> EXPIRED + "of the " + source + " has expired: start again to fetch fresh credentials.";
        };
    }

    /** How every expired-token sentence starts: {@link SdkErrors} tells them from DynamoDB's own message by it. */
    static final String EXPIRED = "The session token ";

    /** A few words on what failed, without the SDK's long advice; never a secret. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException service && service.awsErrorDetails() != null) {
                String code = service.awsErrorDetails().errorCode();
                return (code == null ? "HTTP status " + service.statusCode() : code) + " from "
                        + service.awsErrorDetails().serviceName();
            }
        }
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf(". ");
        String first = end < 0 ? message : message.substring(0, end);
        return first.length() > 120 ? first.substring(0, 120) + "..." : first;
    }
}
