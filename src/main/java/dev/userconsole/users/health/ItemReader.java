package dev.userconsole.users.health;

import dev.userconsole.store.SdkErrors;
import dev.userconsole.store.UserTable;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads one whole item by its exact key, strongly consistent: what a fix acts on is what is stored now. */
final class ItemReader {
    private final DynamoDbClient client;
    private final String table;
    private final SdkErrors errors;

    ItemReader(DynamoDbClient client, String table, SdkErrors errors) {
        this.client = client;
        this.table = table;
        this.errors = errors;
    }

    Optional<Map<String, AttributeValue>> read(String key) {
        try {
            Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(key(key))
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
        } catch (SdkException e) {
            throw errors.translate(e);
        }
    }

    String table() {
        return table;
    }

    DynamoDbClient client() {
        return client;
    }

    SdkErrors errors() {
        return errors;
    }

    static Map<String, AttributeValue> key(String email) {
        return Map.of(UserTable.KEY, AttributeValue.fromS(email));
    }
}
