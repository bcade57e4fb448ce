package dev.userconsole.users;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One page of a scan: the users, and where the next page starts (empty after the last page).
 * The cursor is opaque to callers; only the controller reads it.
 */
public record UserPage(List<User> users, Optional<Cursor> next) {

    public boolean hasMore() {
        return next.isPresent();
    }

    /** Where a scan continues: DynamoDB's last evaluated key, kept out of the faces' sight. */
    public static final class Cursor {
        private final Map<String, AttributeValue> key;

        Cursor(Map<String, AttributeValue> key) {
            this.key = Map.copyOf(key);
        }

        Map<String, AttributeValue> key() {
            return key;
        }
    }
}
