package dev.userconsole.users.bulk;

import dev.userconsole.users.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items a plan's users were read from, so that a write conditional on what was read needs no second read.
 * For the controller only: never shown, and {@link #toString()} only counts them (they hold password hashes).
 */
public final class PlannedItems {
    public static final PlannedItems NONE = new PlannedItems(Map.of());

    private final Map<String, Map<String, AttributeValue>> byEmail;

    private PlannedItems(Map<String, Map<String, AttributeValue>> byEmail) {
        this.byEmail = byEmail;
    }

    /** Keyed by each item's {@code emailAddress} as stored. */
    public static PlannedItems of(List<Map<String, AttributeValue>> items) {
        Map<String, Map<String, AttributeValue>> byEmail = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            byEmail.putIfAbsent(item.get(User.EMAIL).s(), item);
        }
        return new PlannedItems(Map.copyOf(byEmail));
    }

    /** The item the user with this stored email was read from, when the plan kept it. */
    public Optional<Map<String, AttributeValue>> item(String email) {
        return Optional.ofNullable(byEmail.get(email));
    }

    @Override
    public String toString() {
        return "PlannedItems[" + byEmail.size() + " items]";
    }
}
