package dev.userconsole.users;

import dev.userconsole.store.EngineFeatures;
import dev.userconsole.store.UserTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Up to {@value #SIZE} new items in one request: a PartiQL {@code INSERT} each, in one BatchExecuteStatement.
 * Each INSERT is a single-item conditional write of its own (it fails with {@code DuplicateItem} when the
 * key exists, never overwriting, and costs one write unit like a PutItem), but the request carries 25 of
 * them: on DynamoDB Local the per-request cost of 25 PutItems is what made an import slower than a batch
 * write. Engines without PartiQL (dynalite, Alternator) are found out by the first call and remembered.
 */
final class BatchInsert {
    /** The most statements DynamoDB takes in one BatchExecuteStatement. */
    static final int SIZE = 25;

    private final DynamoDbClient client;
    private final String table;
    private final EngineFeatures features;
    private final WriteUnits writeUnits;

    BatchInsert(DynamoDbClient client, String table, EngineFeatures features, WriteUnits writeUnits) {
        this.client = client;
        this.table = table;
        this.features = features;
        this.writeUnits = writeUnits;
    }

    boolean mayBeSupported() {
        return features.mayHave(EngineFeatures.Feature.PARTIQL);
    }

    /** PartiQL was refused to these credentials: the rest of the connection writes without it. */
    void notPermitted() {
        features.doWithout(EngineFeatures.Feature.PARTIQL);
    }

    /**
     * One request (the SDK's retries included): an answer per item, in order, or empty when the engine has no
     * PartiQL (nothing was written). A failure of the whole request is thrown as the SDK raised it.
     */
    Optional<List<BatchStatementResponse>> send(List<Map<String, AttributeValue>> items) {
        List<BatchStatementRequest> statements = items.stream().map(this::insert).collect(Collectors.toList());
        Optional<BatchExecuteStatementResponse> response = features.ifSupported(EngineFeatures.Feature.PARTIQL,
                () -> client.batchExecuteStatement(b -> b.statements(statements)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
        response.ifPresent(answer -> answer.consumedCapacity().forEach(writeUnits::add));
        return response.map(BatchExecuteStatementResponse::responses);
    }

    private BatchStatementRequest insert(Map<String, AttributeValue> item) {
        List<String> names = new ArrayList<>(item.keySet());
        String tuple = names.stream().map(name -> "'" + name.replace("'", "''") + "': ?")
                .collect(Collectors.joining(", ", "{", "}"));
        return BatchStatementRequest.builder()
                .statement("INSERT INTO \"" + table + "\" VALUE " + tuple)
                .parameters(names.stream().map(item::get).collect(Collectors.toList()))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /**
     * The items stored under these keys now, by strongly consistent reads in one BatchGetItem (keys it leaves
     * unprocessed are asked again): for INSERTs refused as duplicates, whose answer carries no item.
     */
    Map<String, Map<String, AttributeValue>> read(List<String> keys) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        List<Map<String, AttributeValue>> asking = keys.stream().distinct()
                .map(key -> Map.of(UserTable.KEY, AttributeValue.fromS(key))).collect(Collectors.toList());
        while (!asking.isEmpty()) {
            KeysAndAttributes request = KeysAndAttributes.builder().keys(asking).consistentRead(true).build();
            var response = client.batchGetItem(b -> b.requestItems(Map.of(table, request))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            response.consumedCapacity().forEach(writeUnits::read);
            response.responses().getOrDefault(table, List.of())
                    .forEach(item -> found.put(item.get(UserTable.KEY).s(), item));
            KeysAndAttributes left = response.unprocessedKeys().get(table);
            asking = left == null ? List.of() : left.keys();
            if (!asking.isEmpty()) {
                pauseBeforeAskingAgain();
            }
        }
        return found;
    }

    private static void pauseBeforeAskingAgain() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading items back", e);
        }
    }
}
