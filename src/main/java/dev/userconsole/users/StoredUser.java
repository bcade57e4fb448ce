package dev.userconsole.users;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A user with the stored password hash: only for exports made for backups and migrations, which must
 * ask for the hash explicitly. {@link #toString()} leaves the hash out.
 */
public record StoredUser(User user, String passwordHash) {

    static StoredUser of(Map<String, AttributeValue> item) {
        return new StoredUser(User.fromItem(item), User.string(item, User.PASSWORD));
    }

    @Override
    public String toString() {
        return "StoredUser[" + user + "]";
    }
}
