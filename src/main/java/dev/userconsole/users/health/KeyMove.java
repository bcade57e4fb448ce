package dev.userconsole.users.health;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.store.EngineFeatures;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.User;
import dev.userconsole.users.UserValidator;
import dev.userconsole.users.backup.SameItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Moves an item to its normalised key: a put of the new key, conditional on it being absent, and a delete
 * of the old one, conditional on it being the version read. Where the engine has transactions both are one
 * TransactWriteItems. Elsewhere (dynalite, Alternator) the put comes first, then the delete, so a move that
 * stops between the two leaves the same item under both keys, and a re-run that finds that finishes it; a
 * delete refused because the old item changed meanwhile removes the copy again. Either way each user ends
 * with exactly one item. A new key holding another item is a twin: refused, a person must merge them.
 */
final class KeyMove {
    private static final String ABSENT = "attribute_not_exists(#key)";
    private static final Map<String, String> KEY_NAME = Map.of("#key", User.EMAIL);

    private final ItemReader reader;
    private final DynamoDbClient client;
    private final String table;
    private final EngineFeatures features;

    KeyMove(ItemReader reader, EngineFeatures features) {
        this.reader = reader;
        this.client = reader.client();
        this.table = reader.table();
        this.features = features;
    }

    FixResult move(String key) {
        try {
            Optional<Map<String, AttributeValue>> read = reader.read(key);
            if (read.isEmpty()) {
                return FixResult.of(key, FixResult.Outcome.NOT_FOUND, "no longer stored under this key");
            }
            String target = UserValidator.normalisedKey(key);
            if (target.isEmpty() || target.equals(key)) {
                return FixResult.of(key, FixResult.Outcome.REFUSED, target.isEmpty()
                        ? "the key is only spaces: it has no normalised form" : "the key is already normalised");
            }
            Map<String, AttributeValue> old = read.get();
            Map<String, AttributeValue> moved = new HashMap<>(old);
            moved.put(User.EMAIL, AttributeValue.fromS(target));
            VersionCondition version = VersionCondition.of(old);
            if (features.mayHave(EngineFeatures.Feature.TRANSACTIONS)) {
                Optional<FixResult> atomic = inOneTransaction(key, target, old, moved, version);
                if (atomic.isPresent()) {
                    return atomic.get();
                }
            }
            try {
                client.putItem(b -> b.tableName(table).item(moved).conditionExpression(ABSENT)
                        .expressionAttributeNames(KEY_NAME));
            } catch (ConditionalCheckFailedException e) {
                return targetTaken(key, target, old, version);
            }
            return deleteOld(key, target, version, moved, "moved to " + target);
        } catch (SdkException e) {
            return failed(key, reader.errors().translate(e).getMessage());
        } catch (ConsoleException e) {
            return failed(key, e.getMessage());
        }
    }

    /** Empty when the engine has no transactions (nothing was written then). */
    private Optional<FixResult> inOneTransaction(String key, String target, Map<String, AttributeValue> old,
                                                 Map<String, AttributeValue> moved, VersionCondition version) {
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(moved).conditionExpression(ABSENT)
                        .expressionAttributeNames(KEY_NAME)).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(ItemReader.key(key))
                        .conditionExpression(version.expression()).expressionAttributeNames(version.names())
                        .expressionAttributeValues(version.values())).build()).build();
        try {
            return features.ifSupported(EngineFeatures.Feature.TRANSACTIONS, () -> client.transactWriteItems(request))
                    .map(done -> FixResult.done(key, "moved to " + target));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (failedCondition(reasons, 0)) {
                return Optional.of(targetTaken(key, target, old, version));
            }
            if (failedCondition(reasons, 1)) {
                return Optional.of(oldChanged(key, ""));
            }
            throw e;
        }
    }

    /** The new key is taken: by this very item (a move that stopped half-way), or by a twin. */
    private FixResult targetTaken(String key, String target, Map<String, AttributeValue> old,
                                  VersionCondition version) {
        Optional<Map<String, AttributeValue>> stored = reader.read(target);
        if (stored.isPresent() && SameItem.same(HealthScan.withoutKey(stored.get()), HealthScan.withoutKey(old))) {
            return deleteOld(key, target, version, stored.get(),
                    "moved to " + target + " (finished a move begun earlier)");
        }
        return FixResult.of(key, FixResult.Outcome.REFUSED, VisibleText.of(target)
                + " is stored too (a twin): a person must merge them");
    }

    private FixResult deleteOld(String key, String target, VersionCondition version, Map<String, AttributeValue> copy,
                                String done) {
        try {
            client.deleteItem(b -> b.tableName(table).key(ItemReader.key(key)).conditionExpression(version.expression())
                    .expressionAttributeNames(version.names()).expressionAttributeValues(version.values()));
            return FixResult.done(key, done);
        } catch (ConditionalCheckFailedException e) {
            // changed (or deleted) after it was read: the copy is out of date, so it goes again
            VersionCondition unchangedCopy = VersionCondition.of(copy);
            try {
                client.deleteItem(b -> b.tableName(table).key(ItemReader.key(target))
                        .conditionExpression(unchangedCopy.expression()).expressionAttributeNames(unchangedCopy.names())
                        .expressionAttributeValues(unchangedCopy.values()));
            } catch (ConditionalCheckFailedException changedToo) {
                return failed(key, "it changed after it was read, and so did the copy under " + VisibleText.of(target)
                        + ": both keys are stored now; a person must merge them");
            }
            return oldChanged(key, "; the copy under " + VisibleText.of(target) + " was removed again");
        }
    }

    private FixResult oldChanged(String key, String more) {
        return reader.read(key).isEmpty()
                ? FixResult.of(key, FixResult.Outcome.NOT_FOUND, "deleted by someone else after it was read" + more)
                : FixResult.of(key, FixResult.Outcome.CHANGED, "changed by someone else after it was read" + more);
    }

    private static FixResult failed(String key, String reason) {
        return FixResult.of(key, FixResult.Outcome.FAILED, reason + " Run the fix again to finish it.");
    }

    private static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }
}
