package dev.userconsole.users.query;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The part of a query DynamoDB evaluates: a FilterExpression with its placeholders, keeping at least every
 * item the query keeps (less data on the wire; a scan's read units are the same either way).
 */
public record ScanFilter(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

    static final class Builder {
        private final Map<String, String> names = new HashMap<>();
        private final Map<String, AttributeValue> values = new HashMap<>();

        /** A placeholder for an attribute name: {@code #q0}. */
        String name(String attribute) {
            for (Map.Entry<String, String> known : names.entrySet()) {
                if (known.getValue().equals(attribute)) {
                    return known.getKey();
                }
            }
            String placeholder = "#q" + names.size();
            names.put(placeholder, attribute);
            return placeholder;
        }

        /** A placeholder for a string value: {@code :q0}. */
        String value(String text) {
            String placeholder = ":q" + values.size();
            values.put(placeholder, AttributeValue.fromS(text));
            return placeholder;
        }

        /** Only the placeholders the expression uses: DynamoDB refuses unused ones. */
        ScanFilter build(String expression) {
            return new ScanFilter(expression, used(names, expression), used(values, expression));
        }

        private static <V> Map<String, V> used(Map<String, V> placeholders, String expression) {
            Map<String, V> used = new HashMap<>();
            placeholders.forEach((placeholder, value) -> {
                if (Pattern.compile(Pattern.quote(placeholder) + "(?![0-9])").matcher(expression).find()) {
                    used.put(placeholder, value);
                }
            });
            return Map.copyOf(used);
        }
    }
}
