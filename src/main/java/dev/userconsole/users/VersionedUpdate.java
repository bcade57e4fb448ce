package dev.userconsole.users;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.CapacityMeter;
import dev.userconsole.text.VisibleText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The one conditional UpdateItem of a user as it was read (update, lock, unlock, password reset): applied only
 * while the stored {@code dateUpdated} is still the one read, and it sets a new one. A refused condition and a
 * lost answer are told apart by what is stored, as {@link LostAnswers} finds it.
 */
final class VersionedUpdate {
    private final DynamoDbClient client;
    private final String table;
    private final Timestamps timestamps;
    private final LostAnswers lost;
    private final CapacityMeter capacity;

    /**
     * What one update changes.
     *
     * @param set       attributes to set to these strings
     * @param remove    attributes to remove
     * @param unchanged attributes the change was computed from (a lock prefixes the hash read): applied only
     *                  while each is still stored as read (empty: absent), even if another tool left
     *                  {@code dateUpdated} alone
     */
    record Change(Map<String, String> set, List<String> remove, Map<String, Optional<AttributeValue>> unchanged) {
        static Change setting(Map<String, String> set) {
            return new Change(set, List.of(), Map.of());
        }
    }

    VersionedUpdate(DynamoDbClient client, String table, Timestamps timestamps, LostAnswers lost,
                    CapacityMeter capacity) {
        this.client = client;
        this.table = table;
        this.timestamps = timestamps;
        this.lost = lost;
        this.capacity = capacity;
    }

    /**
     * @param loaded the user as read: its key and {@code dateUpdated} are the version the change applies to
     * @param action "update", "lock", "unlock", "password reset": for the sentences about lost answers
     */
    Written apply(User loaded, Change change, String action) {
        // What the update sets: a stored item holding all of it (new dateUpdated included) is this update's.
        Map<String, AttributeValue> written = new LinkedHashMap<>();
        written.put(User.EMAIL, AttributeValue.fromS(loaded.emailAddress()));
        UpdateExpression.Builder expression = UpdateExpression.builder();
        change.set().forEach((name, value) -> {
            expression.set(name, value);
            written.put(name, AttributeValue.fromS(value));
        });
        change.remove().forEach(expression::remove);
        String dateUpdated = timestamps.after(loaded.dateUpdated());
        expression.set(User.DATE_UPDATED, dateUpdated);
        written.put(User.DATE_UPDATED, AttributeValue.fromS(dateUpdated));
        String exists = "attribute_exists(" + expression.name(User.EMAIL) + ")";
        String updated = expression.name(User.DATE_UPDATED);
        // Items the original app wrote carry no version number; the dateUpdated that was read serves as one.
        // Read as missing, it is absent or (written by another tool) not a string: either is the same version.
        StringBuilder condition = new StringBuilder(loaded.dateUpdated() == null
                ? exists + " AND (attribute_not_exists(" + updated + ") OR NOT attribute_type(" + updated + ", "
                        + expression.value(AttributeValue.fromS("S")) + "))"
                : exists + " AND " + updated + " = " + expression.value(AttributeValue.fromS(loaded.dateUpdated())));
        change.unchanged().forEach((name, value) -> condition.append(value.isPresent()
                ? " AND " + expression.name(name) + " = " + expression.value(value.get())
                : " AND attribute_not_exists(" + expression.name(name) + ")"));
        expression.condition(condition.toString());
        UpdateExpression built = expression.build();
        try {
            UpdateItemResponse response = client.updateItem(b -> b.tableName(table)
                    .key(UserController.key(loaded.emailAddress()))
                    .updateExpression(built.update())
                    .conditionExpression(built.condition())
                    .expressionAttributeNames(built.names())
                    .expressionAttributeValues(built.values())
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            capacity.wrote(response.consumedCapacity() == null ? null : response.consumedCapacity().capacityUnits());
            return Written.answered(User.fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> stored = lost.conflicting(e, loaded.emailAddress());
            if (stored.isEmpty()) {
                throw UserController.notFound(loaded.emailAddress());
            }
            if (holds(stored, written, change)) {
                // an earlier attempt made this very change and the SDK retried after its answer was lost
                return Written.checked(User.fromItem(stored), lost.checked(action, "the change was saved"));
            }
            throw new ConsoleException(Problem.CHANGED_BY_SOMEONE_ELSE, "User " + VisibleText.of(loaded.emailAddress())
                    + " was changed by someone else after it was read; reload it and try again.");
        } catch (SdkException e) {
            Optional<Map<String, AttributeValue>> stored = lost.storedAfter(e, action, loaded.emailAddress());
            if (stored.isPresent() && holds(stored.get(), written, change)) {
                return Written.checked(User.fromItem(stored.get()), lost.checked(action, "the change was saved"));
            }
            throw lost.notApplied(action, stored.isEmpty()
                    ? "user " + VisibleText.of(loaded.emailAddress()) + " no longer exists"
                    : "the change was not saved", e);
        }
    }

    private static boolean holds(Map<String, AttributeValue> stored, Map<String, AttributeValue> written,
                                 Change change) {
        return LostAnswers.holds(stored, written) && change.remove().stream().noneMatch(stored::containsKey);
    }
}
