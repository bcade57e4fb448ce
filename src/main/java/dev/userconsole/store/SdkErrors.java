package dev.userconsole.store;

import dev.userconsole.errors.Causes;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Turns SDK exceptions into one sentence for the user; the SDK's own message goes to the log only. */
public final class SdkErrors {
    private static final Logger LOG = LoggerFactory.getLogger(SdkErrors.class);
    private static final Set<String> AUTH_ERRORS = Set.of("AccessDeniedException", "AccessDenied",
            "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException", "MissingAuthenticationTokenException",
            "IncompleteSignatureException", "InvalidClientTokenId", "SignatureDoesNotMatch");

    /** DynamoDB's and STS's codes for session credentials past their expiry. */
    static final Set<String> EXPIRED_TOKEN_CODES = Set.of("ExpiredTokenException", "ExpiredToken");

    /** How the SDK records, as a message only, an earlier attempt whose server certificate was refused here. */
    private static final Pattern CERTIFICATE_RECORD =
            Pattern.compile("PKIX path (building|validation) failed|No subject alternative|No name matching");

    private static final Set<String> THROTTLING_ERRORS = Set.of("ProvisionedThroughputExceededException",
            "RequestLimitExceeded", "ThrottlingException");

    private final String where;
    private final String table;

    /**
     * @param where the connection as {@link DynamoDb#where()} describes it
     * @param table the table the calls are about
     */
    public SdkErrors(String where, String table) {
        this.where = where;
        this.table = table;
    }

    public ConsoleException translate(SdkException e) {
        ConsoleException translated = classify(e);
        LOG.warn("{} [{}]: {}", translated.problem(), where, translated.getMessage(), e);
        return translated;
    }

    /**
     * A write's failure, translated, when the write was definitely not applied: the message says that
     * nothing was written.
     */
    public ConsoleException translateRefusedWrite(SdkException e) {
        ConsoleException translated = classify(e);
        ConsoleException said = new ConsoleException(translated.problem(), translated.getMessage()
                + " Nothing was written.", e);
        LOG.warn("{} [{}]: {}", said.problem(), where, said.getMessage(), e);
        return said;
    }

    static boolean isExpiredToken(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code != null && EXPIRED_TOKEN_CODES.contains(code);
    }

    /**
     * Whether this failure is a complete answer with an HTTP status of 4xx: the request was refused and not
     * applied, whatever the body (an IAM denial, a proxy's HTML page, a body the SDK could not parse).
     * A 5xx, or an answer cut off before its status, may have been applied.
     */
    public static boolean isRefusal(Throwable e) {
        return e instanceof AwsServiceException service && ErrorAnswer.of(service).refused();
    }

    /**
     * Whether this side refused the server's TLS certificate (signed by no authority trusted here, another
     * host's, expired): the check ends the handshake before a byte of the request is sent, so nothing was applied.
     */
    public static boolean isCertificateRefusal(Throwable e) {
        return Causes.include(e, CertificateException.class)
                || CERTIFICATE_RECORD.matcher(String.valueOf(e.getMessage())).find();
    }

    private static String certificateReason(Throwable e) {
        if (Causes.include(e, CertificateExpiredException.class)
                || Causes.include(e, CertificateNotYetValidException.class)) {
            return "it has expired or is not valid yet";
        }
        if (Causes.of(e).map(t -> String.valueOf(t.getMessage()))
                .anyMatch(m -> m.contains("No subject alternative") || m.contains("No name matching"))) {
            return "it names another host";
        }
        return "no certificate authority this program trusts signed it";
    }

    private ConsoleException classify(SdkException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CredentialsRefused refused) {
                return new ConsoleException(Problem.CREDENTIALS, refused.getMessage(), e);
            }
        }
        if (e instanceof AwsServiceException service && isExpiredToken(service)) {
            String said = String.valueOf(service.awsErrorDetails().errorMessage());
            return new ConsoleException(Problem.CREDENTIALS, said.startsWith(NamedCredentialsProvider.EXPIRED) ? said
                    : "The AWS session token has expired: get fresh credentials and start again.", e);
        }
        // Embedded DynamoDB Local raises its own exception type on some paths (paginated scans); its
        // error code still says what happened.
        ErrorAnswer answer = e instanceof AwsServiceException service ? ErrorAnswer.of(service) : null;
        String code = answer == null ? null : answer.code();
        if (e instanceof ResourceNotFoundException || "ResourceNotFoundException".equals(code)) {
            return new ConsoleException(Problem.TABLE_MISSING,
                    "The table \"" + table + "\" does not exist yet; create it first (create-table).", e);
        }
        if (e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException
                || (code != null && THROTTLING_ERRORS.contains(code))
                || (e instanceof AwsServiceException service && service.isThrottlingException())) {
            return new ConsoleException(Problem.THROTTLED, "DynamoDB is throttling requests to table \"" + table
                    + "\"; try again in a moment, or give the table more capacity.", e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return unreachable("did not answer in time", e);
        }
        if (answer != null) {
            if (answer.status() == 403 || (code != null && AUTH_ERRORS.contains(code))) {
                Optional<AccessDenial> denial = AccessDenial.of(answer.message());
                if (denial.isPresent()) {
                    return new ConsoleException(Problem.ACCESS_DENIED, denial.get().sentence(table), e);
                }
                return new ConsoleException(Problem.ACCESS_DENIED, "Access denied by " + where + " ("
                        + answer.reason() + "): check the credentials and their permissions on table \""
                        + table + "\".", e);
            }
            if (!answer.hasCode()) {
                return new ConsoleException(Problem.DATABASE_ERROR, where + (answer.refused() ? " refused" : " failed")
                        + " the request (" + answer.reason() + "), which is not how DynamoDB answers; check the"
                        + " address.", e);
            }
            return new ConsoleException(Problem.DATABASE_ERROR, "DynamoDB " + (answer.refused() ? "refused" : "failed")
                    + " the request (" + answer.reason() + "); details are in the log file.", e);
        }
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("credentials")) {
            return new ConsoleException(Problem.ACCESS_DENIED, "No AWS credentials were found: set AWS_PROFILE,"
                    + " or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in .env or the environment.", e);
        }
        if (isCertificateRefusal(e)) {
            return new ConsoleException(Problem.UNREACHABLE, "The TLS certificate of DynamoDB (" + where
                    + ") was refused: " + certificateReason(e) + "; check the address, and if a proxy inspects TLS"
                    + " here, give Java its certificate authority (USER_CONSOLE_JAVA_OPTS=\"-Djavax.net.ssl.trustStore=FILE"
                    + " -Djavax.net.ssl.trustStorePassword=PASSWORD\").", e);
        }
        return unreachable("cannot be reached", e);
    }

    private ConsoleException unreachable(String what, SdkException e) {
        return new ConsoleException(Problem.UNREACHABLE, "DynamoDB (" + where + ") " + what
                + "; check that it is running and the address is right.", e);
    }
}
