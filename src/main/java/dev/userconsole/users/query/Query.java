package dev.userconsole.users.query;

import dev.userconsole.config.Settings;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A parsed query, the one syntax of the console's {@code /} and the commands' {@code --filter}: bare words
 * and quoted phrases (in the email or a name), {@code email: first: last: domain: created: updated: locked:
 * hash:}, {@code -term}, {@code ( )} and {@code OR} between groups of terms, which are ANDed.
 */
public final class Query {
    /** Every user: the empty query. */
    public static final Query ALL = parse("");

    private final String text;
    private final Condition condition;

    private Query(String text, Condition condition) {
        this.text = text;
        this.condition = condition;
    }

    /**
     * @throws dev.userconsole.errors.InvalidInputException naming the column, when the text is not a query
     */
    public static Query parse(String text) {
        return new Query(text.strip(), QueryParser.parse(text, Settings.MIN_BCRYPT_COST));
    }

    /** The query as typed, without surrounding spaces. */
    public String text() {
        return text;
    }

    public boolean isEmpty() {
        return condition instanceof Condition.Everything;
    }

    /** Whether the stored item (as scanned: key, names, dates and password) is one the query keeps. */
    public boolean matches(Map<String, AttributeValue> item) {
        return condition.test(item);
    }

    /**
     * The address to look up with GetItem instead of scanning, when every match must have it: the query is
     * {@code email:} with a whole address, alone or ANDed with other terms (they are then tested on what is found).
     */
    public Optional<String> exactEmail() {
        if (condition instanceof Condition.EmailIs email) {
            return Optional.of(email.address());
        }
        if (condition instanceof Condition.All all) {
            return all.terms().stream().filter(Condition.EmailIs.class::isInstance).map(Condition.EmailIs.class::cast)
                    .map(Condition.EmailIs::address).findFirst();
        }
        return Optional.empty();
    }

    /** The FilterExpression for the terms DynamoDB can evaluate; every match is still tested with {@link #matches}. */
    public Optional<ScanFilter> scanFilter() {
        ScanFilter.Builder filter = new ScanFilter.Builder();
        return condition.pushdown(filter).map(pushdown -> filter.build(pushdown.expression()));
    }

    @Override
    public String toString() {
        return text;
    }
}
