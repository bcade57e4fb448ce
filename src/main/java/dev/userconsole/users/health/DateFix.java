package dev.userconsole.users.health;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.users.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Rewrites a user's dates in the stored form where the instant is certain ({@link DateRepair}); the others
 * stay as they are. Conditional on the version read and on each rewritten date still being what was read.
 * {@code dateUpdated} is not moved to now: the instants are the same, only their form changes.
 */
final class DateFix {
    private final ItemReader reader;

    DateFix(ItemReader reader) {
        this.reader = reader;
    }

    /** What was repaired (the attribute names) goes to {@code fields}, for the audit log. */
    FixResult repair(String key, List<String> fields) {
        try {
            Optional<Map<String, AttributeValue>> read = reader.read(key);
            if (read.isEmpty()) {
                return FixResult.of(key, FixResult.Outcome.NOT_FOUND, "no longer stored");
            }
            Map<String, AttributeValue> item = read.get();
            Map<String, String> repairs = new LinkedHashMap<>();
            for (String name : ItemInspector.DATES) {
                AttributeValue value = item.get(name);
                if (value != null && !DateRepair.canonical(value)) {
                    DateRepair.repaired(value).ifPresent(repaired -> repairs.put(name, repaired));
                }
            }
            if (repairs.isEmpty()) {
                return FixResult.of(key, FixResult.Outcome.CHANGED, "no date left that can be repaired");
            }
            VersionCondition condition = VersionCondition.of(item);
            List<String> assignments = new ArrayList<>();
            repairs.forEach((name, repaired) -> {
                condition.still(name, item.get(name));
                assignments.add(condition.name(name) + " = " + condition.value(AttributeValue.fromS(repaired)));
            });
            try {
                reader.client().updateItem(b -> b.tableName(reader.table()).key(ItemReader.key(key))
                        .updateExpression("SET " + String.join(", ", assignments))
                        .conditionExpression(condition.expression()).expressionAttributeNames(condition.names())
                        .expressionAttributeValues(condition.values()));
            } catch (ConditionalCheckFailedException e) {
                return reader.read(key).isEmpty()
                        ? FixResult.of(key, FixResult.Outcome.NOT_FOUND, "deleted by someone else after it was read")
                        : FixResult.of(key, FixResult.Outcome.CHANGED, "changed by someone else after it was read");
            }
            fields.addAll(repairs.keySet());
            List<String> said = new ArrayList<>();
            repairs.forEach((name, repaired) -> said.add(name + " " + repaired));
            return FixResult.done(key, String.join(", ", said));
        } catch (SdkException e) {
            return FixResult.of(key, FixResult.Outcome.FAILED, reader.errors().translate(e).getMessage());
        } catch (ConsoleException e) {
            return FixResult.of(key, FixResult.Outcome.FAILED, e.getMessage());
        }
    }
}
