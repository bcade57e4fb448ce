package dev.userconsole.users;

import dev.userconsole.store.Transactions;
import dev.userconsole.store.UserTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One put of a new item that never overwrites: conditional on its key being absent and, when the email was
 * typed in another form than the normalised key (a "case twin", {@code Bob@Example.com} for
 * {@code bob@example.com}), on that form being absent too.
 *
 * <p>A plain put costs one write unit. A put with a twin check is the one place atomicity across items is
 * needed: it is a transaction (a put and a condition check) where the engine has them. Without transactions
 * (dynalite, Alternator) the order is: a strongly consistent read of the twin key, then the conditional put.
 * Our own writes always use the normalised key, so only another tool writing the twin key in the moment
 * between the two could still make a twin.
 */
final class ConditionalPut {
    private static final String ABSENT = "attribute_not_exists(#key)";
    private static final Map<String, String> KEY_NAME = Map.of("#key", UserTable.KEY);

    private final DynamoDbClient client;
    private final String table;
    private final Transactions transactions;

    ConditionalPut(DynamoDbClient client, String table, Transactions transactions) {
        this.client = client;
        this.table = table;
        this.transactions = transactions;
    }

    /**
     * One attempt (the SDK's retries included): {@link PutOutcome.Written} or {@link PutOutcome.Existed};
     * any other failure is thrown as the SDK raised it, for the caller's lost-answer and retry rules.
     *
     * @param twinKey the key as typed, when it differs from the item's key; else empty
     */
    PutOutcome attempt(Map<String, AttributeValue> item, Optional<String> twinKey) {
        if (twinKey.isPresent()) {
            Optional<PutOutcome> transacted = withTwinCheck(item, twinKey.get());
            if (transacted.isPresent()) {
                return transacted.get();
            }
            Optional<Map<String, AttributeValue>> twin = read(twinKey.get());
            if (twin.isPresent()) {
                return new PutOutcome.Existed(twin.get());
            }
        }
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression(ABSENT)
                    .expressionAttributeNames(KEY_NAME)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new PutOutcome.Written(false);
        } catch (ConditionalCheckFailedException e) {
            return existing(item, e.hasItem() ? e.item() : Map.of());
        }
    }

    /** Empty when the engine has no transactions. */
    private Optional<PutOutcome> withTwinCheck(Map<String, AttributeValue> item, String twinKey) {
        if (!transactions.mayBeSupported()) {
            return Optional.empty();
        }
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression(ABSENT)
                        .expressionAttributeNames(KEY_NAME)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key(twinKey))
                        .conditionExpression(ABSENT).expressionAttributeNames(KEY_NAME)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())
                .build();
        try {
            return transactions.write(request).map(written -> new PutOutcome.Written(false));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (failedCondition(reasons, 0)) {
                return Optional.of(existing(item, reasons.get(0).hasItem() ? reasons.get(0).item() : Map.of()));
            }
            if (failedCondition(reasons, 1)) {
                return Optional.of(new PutOutcome.Existed(reasons.get(1).hasItem() ? reasons.get(1).item()
                        : key(twinKey)));
            }
            throw e;
        }
    }

    private static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /**
     * The stored item holding the key: this very item (an earlier attempt's) counts as written. Engines that
     * do not return the item with a failed condition (dynalite) get it read.
     */
    private PutOutcome existing(Map<String, AttributeValue> item, Map<String, AttributeValue> returned) {
        Map<String, AttributeValue> stored = returned.isEmpty()
                ? read(item.get(UserTable.KEY).s()).orElse(Map.of()) : returned;
        return item.equals(stored) ? new PutOutcome.Written(true)
                : new PutOutcome.Existed(stored.isEmpty() ? Map.of(UserTable.KEY, item.get(UserTable.KEY)) : stored);
    }

    private Optional<Map<String, AttributeValue>> read(String key) {
        Map<String, AttributeValue> stored = client.getItem(b -> b.tableName(table).key(key(key))
                .consistentRead(true)).item();
        return stored == null || stored.isEmpty() ? Optional.empty() : Optional.of(stored);
    }

    private static Map<String, AttributeValue> key(String email) {
        return Map.of(UserTable.KEY, AttributeValue.fromS(email));
    }
}
