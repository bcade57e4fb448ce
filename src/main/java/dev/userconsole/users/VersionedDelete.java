package dev.userconsole.users;

import dev.userconsole.store.CapacityMeter;
import dev.userconsole.text.VisibleText;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The conditional DeleteItem of a user as it was read (a bulk delete's preview): applied only while the
 * stored {@code dateUpdated} is still the one read, so a user changed in between is kept and said to be.
 */
final class VersionedDelete {
    private final DynamoDbClient client;
    private final String table;
    private final LostAnswers lost;
    private final CapacityMeter capacity;

    VersionedDelete(DynamoDbClient client, String table, LostAnswers lost, CapacityMeter capacity) {
        this.client = client;
        this.table = table;
        this.lost = lost;
        this.capacity = capacity;
    }

    Written delete(User loaded) {
        String key = loaded.emailAddress();
        // as for updates: a dateUpdated read as missing is absent, or not a string; either is the same version
        String condition = loaded.dateUpdated() == null
                ? "attribute_exists(#key) AND (attribute_not_exists(#updated) OR NOT attribute_type(#updated, :s))"
                : "attribute_exists(#key) AND #updated = :updated";
        Map<String, AttributeValue> values = loaded.dateUpdated() == null ? Map.of(":s", AttributeValue.fromS("S"))
                : Map.of(":updated", AttributeValue.fromS(loaded.dateUpdated()));
        try {
            DeleteItemResponse deleted = client.deleteItem(b -> b.tableName(table).key(UserController.key(key))
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#key", User.EMAIL, "#updated", User.DATE_UPDATED))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            capacity.wrote(deleted.consumedCapacity() == null ? null : deleted.consumedCapacity().capacityUnits());
            Map<String, AttributeValue> old = deleted.attributes();
            return Written.answered(old == null || old.isEmpty() ? loaded : User.fromItem(old));
        } catch (ConditionalCheckFailedException e) {
            if (!lost.conflicting(e, key).isEmpty()) {
                throw Trash.changed(key);
            }
            if (LostAnswers.earlierAttemptMayHaveApplied(e)) {
                return Written.checked(loaded, lost.checked("delete", "the user is deleted"));
            }
            throw UserController.notFound(key);
        } catch (SdkException e) {
            if (lost.storedAfter(e, "delete", key).isPresent()) {
                throw lost.notApplied("delete", "user " + VisibleText.of(key) + " was not deleted", e);
            }
            return Written.checked(loaded, lost.checked("delete", "the user is deleted"));
        }
    }
}
