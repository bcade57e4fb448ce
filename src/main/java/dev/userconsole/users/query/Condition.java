package dev.userconsole.users.query;

import dev.userconsole.users.StoredHash;
import dev.userconsole.users.User;
import dev.userconsole.users.UserValidator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One node of a parsed query, tested against a stored item. Text terms ignore case, which DynamoDB's
 * {@code contains} cannot, so only date ranges and the lock state are also written as a FilterExpression.
 */
sealed interface Condition {
    boolean test(Map<String, AttributeValue> item);

    /** A FilterExpression keeping at least every item this keeps, or empty when DynamoDB cannot narrow it. */
    default Optional<Pushdown> pushdown(ScanFilter.Builder filter) {
        return Optional.empty();
    }

    /** A filter expression and whether it keeps exactly what the condition keeps (not a superset of it). */
    record Pushdown(String expression, boolean exact) {
    }

    /** Matches everything: the empty query. */
    record Everything() implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return true;
        }
    }

    /** A bare word or quoted phrase: in the email, the first or the last name, ignoring case. */
    record Words(String text) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return contains(item, User.EMAIL, text) || contains(item, User.FIRST_NAME, text)
                    || contains(item, User.LAST_NAME, text);
        }
    }

    /** {@code email:}, {@code first:} or {@code last:} with part of the value, ignoring case. */
    record Contains(String attribute, String text) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return contains(item, attribute, text);
        }
    }

    /** {@code email:} with a whole address: the key, compared in normalised form; looked up, never scanned. */
    record EmailIs(String address) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            String key = string(item, User.EMAIL);
            return key != null && UserValidator.normalisedKey(key).equals(UserValidator.normalisedKey(address));
        }
    }

    /** {@code domain:corp.example}: the part after the email's last {@code @} is it, or one of its subdomains. */
    record Domain(String domain) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            String key = string(item, User.EMAIL);
            int at = key == null ? -1 : key.lastIndexOf('@');
            if (at < 0) {
                return false;
            }
            String stored = UserValidator.normalisedKey(key.substring(at + 1));
            String wanted = domain.toLowerCase(Locale.ROOT);
            return stored.equals(wanted) || stored.endsWith("." + wanted);
        }
    }

    /**
     * {@code created:} or {@code updated:} within [from, until), compared as the stored ISO-8601 strings
     * (a bound such as {@code 2026-02-01} sorts before every time of that day); either bound may be open.
     */
    record DateRange(String attribute, String from, String until) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            String value = string(item, attribute);
            return value != null && (from == null || value.compareTo(from) >= 0)
                    && (until == null || value.compareTo(until) < 0);
        }

        @Override
        public Optional<Pushdown> pushdown(ScanFilter.Builder filter) {
            String name = filter.name(attribute);
            String lower = from == null ? null : name + " >= " + filter.value(from);
            String upper = until == null ? null : name + " < " + filter.value(until);
            // a string bound compares only with strings, as the local test reads only strings
            String expression = lower == null ? upper : upper == null ? lower : lower + " AND " + upper;
            return Optional.of(new Pushdown(expression, true));
        }
    }

    /** {@code locked:yes} or {@code locked:no}: whether the stored hash carries the lock prefix. */
    record Locked(boolean wanted) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return hash(item).locked() == wanted;
        }

        @Override
        public Optional<Pushdown> pushdown(ScanFilter.Builder filter) {
            String locked = "begins_with(" + filter.name(User.PASSWORD) + ", " + filter.value(StoredHash.LOCK_PREFIX) + ")";
            return Optional.of(new Pushdown(wanted ? locked : "NOT " + locked, true));
        }
    }

    /** {@code hash:weak|invalid}: the stored hash is in one of these states, by the health report's rules. */
    record HashIn(Set<HashState> states, int minimumCost) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return states.contains(HashState.of(hash(item), minimumCost));
        }
    }

    /** {@code -term}. */
    record Not(Condition negated) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return !negated.test(item);
        }

        @Override
        public Optional<Pushdown> pushdown(ScanFilter.Builder filter) {
            // only an exact filter may be negated: the negation of a superset would drop matches
            return negated.pushdown(filter).filter(Pushdown::exact)
                    .map(inner -> new Pushdown("NOT (" + inner.expression() + ")", true));
        }
    }

    /** Terms side by side: every one holds. */
    record All(List<Condition> terms) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return terms.stream().allMatch(term -> term.test(item));
        }

        @Override
        public Optional<Pushdown> pushdown(ScanFilter.Builder filter) {
            // the terms DynamoDB can evaluate narrow the scan; the others are applied here
            List<Pushdown> parts = terms.stream().map(term -> term.pushdown(filter)).flatMap(Optional::stream).toList();
            boolean exact = parts.size() == terms.size() && parts.stream().allMatch(Pushdown::exact);
            return combine(parts, " AND ", exact);
        }
    }

    /** Groups joined by {@code OR}: one of them holds. */
    record Any(List<Condition> groups) implements Condition {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return groups.stream().anyMatch(group -> group.test(item));
        }

        @Override
        public Optional<Pushdown> pushdown(ScanFilter.Builder filter) {
            List<Pushdown> parts = groups.stream().map(group -> group.pushdown(filter)).flatMap(Optional::stream)
                    .toList();
            if (parts.size() < groups.size()) {
                return Optional.empty(); // a group DynamoDB cannot narrow could match any item
            }
            return combine(parts, " OR ", parts.stream().allMatch(Pushdown::exact));
        }
    }

    private static Optional<Pushdown> combine(List<Pushdown> parts, String joiner, boolean exact) {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (parts.size() == 1) {
            return Optional.of(new Pushdown(parts.get(0).expression(), exact));
        }
        return Optional.of(new Pushdown(String.join(joiner,
                parts.stream().map(part -> "(" + part.expression() + ")").toList()), exact));
    }

    private static boolean contains(Map<String, AttributeValue> item, String attribute, String text) {
        String value = string(item, attribute);
        return value != null && value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }

    private static String string(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : value.s();
    }

    private static StoredHash hash(Map<String, AttributeValue> item) {
        return StoredHash.of(string(item, User.PASSWORD));
    }
}
