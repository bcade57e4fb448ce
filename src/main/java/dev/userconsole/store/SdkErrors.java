package dev.userconsole.store;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.util.Set;
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
    private static final Set<String> AUTH_ERRORS = Set.of("AccessDeniedException", "UnrecognizedClientException",
            "InvalidSignatureException", "ExpiredTokenException", "MissingAuthenticationTokenException",
            "IncompleteSignatureException", "InvalidClientTokenId", "SignatureDoesNotMatch");

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

    private ConsoleException classify(SdkException e) {
        // Embedded DynamoDB Local raises its own exception type on some paths (paginated scans); its
        // error code still says what happened.
        String code = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() : null;
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
        if (e instanceof AwsServiceException service) {
            if (service.statusCode() == 403 || (code != null && AUTH_ERRORS.contains(code))) {
                return new ConsoleException(Problem.ACCESS_DENIED, "Access denied by " + where
                        + ": check the credentials and their permissions on table \"" + table + "\".", e);
            }
            if (code == null) {
                return new ConsoleException(Problem.DATABASE_ERROR, where + " did not answer as DynamoDB does (HTTP "
                        + service.statusCode() + "); check the address.", e);
            }
            return new ConsoleException(Problem.DATABASE_ERROR,
                    "DynamoDB refused the request (" + code + "); details are in the log file.", e);
        }
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("credentials")) {
            return new ConsoleException(Problem.ACCESS_DENIED, "No AWS credentials were found: set AWS_PROFILE,"
                    + " or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in .env or the environment.", e);
        }
        return unreachable("cannot be reached", e);
    }

    private ConsoleException unreachable(String what, SdkException e) {
        return new ConsoleException(Problem.UNREACHABLE, "DynamoDB (" + where + ") " + what
                + "; check that it is running and the address is right.", e);
    }
}
