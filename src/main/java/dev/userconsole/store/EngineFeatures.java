package dev.userconsole.store;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Operations some DynamoDB engines lack: dynalite and ScyllaDB Alternator have neither transactions nor
 * PartiQL. The first refusal of such an operation is remembered for the connection, so callers fall back
 * to their documented way at once instead of failing item by item. Nothing is sent to find out: the first
 * real call is the probe (an unknown operation changes nothing).
 */
public final class EngineFeatures {
    private static final Logger LOG = LoggerFactory.getLogger(EngineFeatures.class);

    /** An optional operation, named as DynamoDB's API names it. */
    public enum Feature {
        TRANSACTIONS("TransactWriteItems"),
        PARTIQL("BatchExecuteStatement");

        private final String operation;

        Feature(String operation) {
            this.operation = operation;
        }
    }

    private final Set<Feature> missing = ConcurrentHashMap.newKeySet();

    /** Whether the engine may have it: true until a call was refused as an unknown operation. */
    public boolean mayHave(Feature feature) {
        return !missing.contains(feature);
    }

    /**
     * From now on, on this connection, the operation is not used: the engine has it, but these credentials
     * may not call it (an IAM policy that allows PutItem but not PartiQLInsert, say).
     */
    public void doWithout(Feature feature) {
        if (missing.add(feature)) {
            LOG.info("{} is refused to these credentials; using the documented way without it", feature.operation);
        }
    }

    /**
     * Makes the call; empty, having written nothing, when the engine does not have the operation. Every
     * other failure is thrown as the SDK raised it.
     */
    public <T> Optional<T> ifSupported(Feature feature, Supplier<T> call) {
        if (missing.contains(feature)) {
            return Optional.empty();
        }
        try {
            return Optional.of(call.get());
        } catch (AwsServiceException e) {
            if (!isUnsupportedOperation(e)) {
                throw e;
            }
            LOG.info("This engine has no {} ({}); using the documented way without it", feature.operation,
                    e.awsErrorDetails() == null ? e.statusCode() : e.awsErrorDetails().errorCode());
            missing.add(feature);
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
