package dev.userconsole.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@code SET} (and {@code REMOVE}) update expression with a condition, every attribute name and value behind a placeholder
 * ({@code #n0}, {@code :v0}) so no name can collide with a reserved word and no value is ever spliced in.
 */
public record UpdateExpression(String update, String condition, Map<String, String> names,
                               Map<String, AttributeValue> values) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<String> assignments = new ArrayList<>();
        private final List<String> removals = new ArrayList<>();
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, AttributeValue> values = new LinkedHashMap<>();
        private String condition;

        private Builder() {
        }

        /** The placeholder for an attribute name, the same one each time the name is used. */
        public String name(String attribute) {
            for (Map.Entry<String, String> entry : names.entrySet()) {
                if (entry.getValue().equals(attribute)) {
                    return entry.getKey();
                }
            }
            String placeholder = "#n" + names.size();
            names.put(placeholder, attribute);
            return placeholder;
        }

        /** A fresh placeholder for a value. */
        public String value(AttributeValue value) {
            String placeholder = ":v" + values.size();
            values.put(placeholder, value);
            return placeholder;
        }

        public Builder set(String attribute, String value) {
            assignments.add(name(attribute) + " = " + value(AttributeValue.fromS(value)));
            return this;
        }

        public Builder remove(String attribute) {
            removals.add(name(attribute));
            return this;
        }

        /** The condition, written with placeholders from {@link #name} and {@link #value}. */
        public Builder condition(String expression) {
            this.condition = expression;
            return this;
        }

        public UpdateExpression build() {
            if (assignments.isEmpty()) {
                throw new IllegalStateException("an update expression needs at least one SET assignment");
            }
            String remove = removals.isEmpty() ? "" : " REMOVE " + String.join(", ", removals);
            return new UpdateExpression("SET " + String.join(", ", assignments) + remove, condition, Map.copyOf(names),
                    Map.copyOf(values));
        }
    }
}
