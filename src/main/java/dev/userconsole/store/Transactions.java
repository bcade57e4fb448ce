package dev.userconsole.store;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * TransactWriteItems where the engine has it. dynalite and ScyllaDB Alternator do not: the first refusal
 * is remembered for the connection, so callers fall back to their documented order at once instead of
 * failing item by item. Nothing is sent to find out; the first real transaction is the probe (a refused
 * operation changes nothing).
 */
public final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final DynamoDbClient client;
    private volatile boolean unsupported;

    public Transactions(DynamoDbClient client) {
        this.client = client;
    }

    /** Whether the engine may support transactions: true until one was refused as an unknown operation. */
    public boolean mayBeSupported() {
        return !unsupported;
    }

    /**
     * Sends the transaction; empty when the engine has no transactions (nothing was written).
     * Every other failure is thrown as the SDK raised it.
     */
    public Optional<TransactWriteItemsResponse> write(TransactWriteItemsRequest request) {
        if (unsupported) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.transactWriteItems(request));
        } catch (AwsServiceException e) {
            if (!isUnsupportedOperation(e)) {
                throw e;
            }
            LOG.info("This engine has no TransactWriteItems ({}); using the documented order without one",
                    e.awsErrorDetails() == null ? e.statusCode() : e.awsErrorDetails().errorCode());
            unsupported = true;
            return Optional.empty();
        }
    }

    /**
     * dynalite answers UnknownOperationException; Alternator a ValidationException that names the operation
     * as unsupported or unknown.
     */
    static boolean isUnsupportedOperation(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if ("UnknownOperationException".equals(code)) {
            return true;
        }
        String message = String.valueOf(e.awsErrorDetails() == null ? e.getMessage()
                : e.awsErrorDetails().errorMessage()).toLowerCase(Locale.ROOT);
        return e.statusCode() == 400 && (message.contains("unsupported operation")
                || message.contains("unknown operation") || message.contains("not supported")
                || message.contains("not implemented"));
    }
}
