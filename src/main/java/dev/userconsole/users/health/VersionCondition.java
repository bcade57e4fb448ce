package dev.userconsole.users.health;

import dev.userconsole.users.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A condition that the item is still the version read: it exists and its {@code dateUpdated} is the value
 * read (absent when it was absent), as every update here is conditional; plus, for a repair, that the
 * attributes it rewrites still hold what was read. Names and values go behind placeholders.
 */
public final class VersionCondition {
    private final List<String> terms = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    private VersionCondition() {
    }

    public static VersionCondition of(Map<String, AttributeValue> read) {
        VersionCondition condition = new VersionCondition();
        condition.terms.add("attribute_exists(" + condition.name(User.EMAIL) + ")");
        condition.still(User.DATE_UPDATED, read.get(User.DATE_UPDATED));
        return condition;
    }

    /** Adds: the attribute still holds {@code value} (is still absent when {@code null}). */
    VersionCondition still(String attribute, AttributeValue value) {
        String name = name(attribute);
        if (value == null) {
            terms.add("attribute_not_exists(" + name + ")");
        } else {
            String placeholder = ":c" + values.size();
            values.put(placeholder, value);
            terms.add(name + " = " + placeholder);
        }
        return this;
    }

    /** The placeholder of an attribute name, the same each time it is used. */
    String name(String attribute) {
        for (Map.Entry<String, String> entry : names.entrySet()) {
            if (entry.getValue().equals(attribute)) {
                return entry.getKey();
            }
        }
        String placeholder = "#c" + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }

    /** A placeholder for a value an update sets. */
    String value(AttributeValue value) {
        String placeholder = ":s" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    public String expression() {
        return String.join(" AND ", terms);
    }

    public Map<String, String> names() {
        return Map.copyOf(names);
    }

    /** The values, or {@code null} when there are none (DynamoDB refuses an empty map). */
    public Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : Map.copyOf(values);
    }
}
