package dev.userconsole.users;

import dev.userconsole.store.EngineFeatures;
import dev.userconsole.store.UserTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
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
    private final EngineFeatures features;
    private final WriteUnits writeUnits;

    ConditionalPut(DynamoDbClient client, String table, EngineFeatures features, WriteUnits writeUnits) {
        this.client = client;
        this.table = table;
        this.features = features;
        this.writeUnits = writeUnits;
    }

    /**
     * One attempt (the SDK's retries included): {@link PutOutcome.Written} or {@link PutOutcome.Existed};
     * any other failure is thrown as the SDK raised it, for the caller's lost-answer and retry rules.
     *
     * @param twinKeys the forms of the key as typed that differ from the item's (normalised) key
     */
    PutOutcome attempt(Map<String, AttributeValue> item, List<String> twinKeys) {
        if (!twinKeys.isEmpty()) {
            Optional<PutOutcome> transacted = withTwinCheck(item, twinKeys);
            if (transacted.isPresent()) {
                return transacted.get();
            }
            for (String twinKey : twinKeys) {
                Optional<Map<String, AttributeValue>> twin = read(twinKey);
                if (twin.isPresent()) {
                    return new PutOutcome.Existed(twin.get());
                }
            }
        }
        try {
            PutItemResponse response = client.putItem(b -> b.tableName(table).item(item).conditionExpression(ABSENT)
                    .expressionAttributeNames(KEY_NAME).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            writeUnits.add(response.consumedCapacity());
            return new PutOutcome.Written(false);
        } catch (ConditionalCheckFailedException e) {
            return existing(item, e.hasItem() ? e.item() : Map.of());
        }
    }

    /** Empty when the engine has no transactions. */
    private Optional<PutOutcome> withTwinCheck(Map<String, AttributeValue> item, List<String> twinKeys) {
        if (!features.mayHave(EngineFeatures.Feature.TRANSACTIONS)) {
            return Optional.empty();
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression(ABSENT)
                .expressionAttributeNames(KEY_NAME)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
        for (String twinKey : twinKeys) {
            writes.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key(twinKey))
                    .conditionExpression(ABSENT).expressionAttributeNames(KEY_NAME)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
        }
        try {
            TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(writes)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            return features.ifSupported(EngineFeatures.Feature.TRANSACTIONS, () -> client.transactWriteItems(request))
                    .map(written -> {
                        written.consumedCapacity().forEach(writeUnits::add);
                        return new PutOutcome.Written(false);
                    });
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (failedCondition(reasons, 0)) {
                return Optional.of(existing(item, reasons.get(0).hasItem() ? reasons.get(0).item() : Map.of()));
            }
            for (int i = 1; i < writes.size(); i++) {
                if (failedCondition(reasons, i)) {
                    return Optional.of(new PutOutcome.Existed(reasons.get(i).hasItem() ? reasons.get(i).item()
                            : key(twinKeys.get(i - 1))));
                }
            }
            throw e;
        }
    }

    /**
     * The forms of an email as typed that are not its normalised key: exactly as typed and without the
     * surrounding spaces (the original app stores keys exactly as typed).
     */
    static List<String> twinKeys(String typed, String normalised) {
        List<String> twins = new ArrayList<>();
        for (String form : List.of(typed, typed.strip())) {
            if (!form.isEmpty() && !form.equals(normalised) && !twins.contains(form)) {
                twins.add(form);
            }
        }
        return twins;
    }

    private static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /**
     * The stored item holding the key: this very item (an earlier attempt's) counts as written. Engines that
     * do not return the item with a failed condition (dynalite) get it read.
     */
    PutOutcome existing(Map<String, AttributeValue> item, Map<String, AttributeValue> returned) {
        Map<String, AttributeValue> stored = returned.isEmpty()
                ? read(item.get(UserTable.KEY).s()).orElse(Map.of()) : returned;
        return item.equals(stored) ? new PutOutcome.Written(true)
                : new PutOutcome.Existed(stored.isEmpty() ? Map.of(UserTable.KEY, item.get(UserTable.KEY)) : stored);
    }

    private Optional<Map<String, AttributeValue>> read(String key) {
        GetItemResponse answer = client.getItem(b -> b.tableName(table).key(key(key))
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        writeUnits.read(answer.consumedCapacity());
        Map<String, AttributeValue> stored = answer.item();
        return stored == null || stored.isEmpty() ? Optional.empty() : Optional.of(stored);
    }

    private static Map<String, AttributeValue> key(String email) {
        return Map.of(UserTable.KEY, AttributeValue.fromS(email));
    }
}
