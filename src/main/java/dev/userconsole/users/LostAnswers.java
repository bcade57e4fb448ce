package dev.userconsole.users;

import dev.userconsole.errors.Causes;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.CapacityMeter;
import dev.userconsole.store.SdkErrors;
import dev.userconsole.store.UserTable;
import dev.userconsole.text.VisibleText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Writes whose answer never arrived (a timeout, a reset connection): the write may or may not have
 * happened. This tells such failures from definite refusals and finds out what is true with one strongly
 * consistent read, so the user is told what happened instead of a guess.
 */
final class LostAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(LostAnswers.class);
    /** How the SDK records an attempt that was answered with a 4xx status. */
    private static final Pattern REFUSAL_RECORD = Pattern.compile("Status Code: 4\\d\\d\\b");

    private final DynamoDbClient client;
    private final String table;
    private final String where;
    private final SdkErrors errors;
    private final CapacityMeter capacity;

    LostAnswers(DynamoDbClient client, String table, String where, SdkErrors errors, CapacityMeter capacity) {
        this.capacity = capacity;
        this.client = client;
        this.table = table;
        this.where = where;
        this.errors = errors;
    }

    /**
     * Whether a failed call may nevertheless have been applied: one of its attempts lost its answer or was
     * answered with a server error. A complete answer of status 4xx (DynamoDB's refusal, an IAM denial, a
     * proxy's error page) was not applied. The SDK keeps the failures of earlier attempts as suppressed exceptions.
     */
    static boolean mayHaveApplied(SdkException e) {
        return attemptMayHaveApplied(e) || earlierAttemptMayHaveApplied(e);
    }

    /** Whether an attempt before the one that ended the call may have been applied. */
    static boolean earlierAttemptMayHaveApplied(SdkException e) {
        Throwable[] earlier = e.getSuppressed();
        int attempts = e.numAttempts() == null ? 1 : e.numAttempts();
        return earlier.length < attempts - 1 || Arrays.stream(earlier).anyMatch(LostAnswers::recordMayHaveApplied);
    }

    /**
     * The SDK records an earlier attempt's failure as a message only ("Request attempt 1 failure: ..."), with
     * no cause to inspect: only a refused connection, an answer's 4xx status, or a refused server certificate
     * shows that nothing was applied.
     */
    private static boolean recordMayHaveApplied(Throwable record) {
        if (record.getCause() != null) {
            return attemptMayHaveApplied(record);
        }
        String message = String.valueOf(record.getMessage());
        return !message.contains("Connection refused") && !REFUSAL_RECORD.matcher(message).find()
                && !SdkErrors.isCertificateRefusal(record);
    }

    private static boolean attemptMayHaveApplied(Throwable e) {
        if (e instanceof AwsServiceException) {
            // a complete answer of status 4xx was a refusal, whatever its body; a 5xx may follow a write
            return !SdkErrors.isRefusal(e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        // a connection that was never made, or whose server certificate was refused, carried no request
        return Causes.include(e, IOException.class) && !Causes.include(e, ConnectException.class)
                && !Causes.include(e, UnknownHostException.class) && !SdkErrors.isCertificateRefusal(e);
    }

    /** Whether the stored item holds every one of the expected attributes. */
    static boolean holds(Map<String, AttributeValue> stored, Map<String, AttributeValue> expected) {
        return stored.entrySet().containsAll(expected.entrySet());
    }

    /**
     * The item that failed a write's condition: as the answer carried it (ReturnValuesOnConditionCheckFailure),
     * or else read back, strongly consistent, as engines that ignore that option (dynalite) return none;
     * empty when there is no item.
     */
    Map<String, AttributeValue> conflicting(ConditionalCheckFailedException e, String key) {
        if (e.hasItem() && !e.item().isEmpty()) {
            return e.item();
        }
        try {
            return read(key).orElse(Map.of());
        } catch (SdkException failure) {
            throw errors.translate(failure);
        }
    }

    /**
     * After a failed write: the item stored under {@code key} now when the write may have been applied;
     * the failure, translated, when it was definitely not; {@link Problem#OUTCOME_UNKNOWN} when it may have
     * been and the database cannot be asked.
     *
     * @param action "insert", "update" or "delete", for the messages
     */
    Optional<Map<String, AttributeValue>> storedAfter(SdkException failure, String action, String key) {
        if (!mayHaveApplied(failure)) {
            throw errors.translateRefusedWrite(failure);
        }
        LOG.warn("The answer to the {} was lost; checking what is stored", action, failure);
        try {
            return read(key);
        } catch (SdkException e) {
            LOG.warn("Could not check the outcome of the {}", action, e);
            throw new ConsoleException(Problem.OUTCOME_UNKNOWN, lost(action, failure) + "; it could not be checked,"
                    + " so whether it was applied is unknown: look up " + VisibleText.of(key)
                    + " (get, or Read users) when the database answers again.", failure);
        }
    }

    private Optional<Map<String, AttributeValue>> read(String key) {
        GetItemResponse answer = client.getItem(b -> b.tableName(table)
                .key(Map.of(UserTable.KEY, AttributeValue.fromS(key))).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        if (answer.consumedCapacity() != null) {
            capacity.read(answer.consumedCapacity().capacityUnits());
        }
        Map<String, AttributeValue> item = answer.item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** "DynamoDB (where) did not answer the insert (...); checked: " followed by what is true. */
    String checked(String action, String outcome) {
        return lost(action) + "; checked: " + outcome + ".";
    }

    /** The write was definitely not applied, as a check showed. */
    ConsoleException notApplied(String action, String outcome, SdkException failure) {
        return new ConsoleException(Problem.UNREACHABLE, lost(action, failure) + "; checked: " + outcome + ".",
                failure);
    }

    private String lost(String action) {
        return "DynamoDB (" + where + ") did not answer the " + action + " (the connection was lost or timed out)";
    }

    private String lost(String action, SdkException failure) {
        if (failure instanceof AwsServiceException service && service.statusCode() >= 500) {
            return "DynamoDB (" + where + ") answered the " + action + " with a server error (HTTP "
                    + service.statusCode() + ")";
        }
        return lost(action);
    }
}
