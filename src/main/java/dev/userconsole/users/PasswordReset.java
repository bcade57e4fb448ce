package dev.userconsole.users;

import dev.userconsole.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sets a new generated password, for an administrator to hand over once: it is returned, never logged,
 * audited or kept. A locked user stays locked (the new hash gets the prefix) unless the reset unlocks it.
 */
final class PasswordReset {
    /** Draws before giving up: a policy refuses a generated password about never (a repeated character). */
    private static final int ATTEMPTS = 100;

    private final VersionedUpdate updates;
    private final PasswordHasher hasher;
    private final PasswordGenerator generator;
    private final PasswordPolicy policy;
    private final String tableName;

    PasswordReset(VersionedUpdate updates, PasswordHasher hasher, PasswordGenerator generator, PasswordPolicy policy,
                  String tableName) {
        this.updates = updates;
        this.hasher = hasher;
        this.generator = generator;
        this.policy = policy;
        this.tableName = tableName;
    }

    /** The attributes a reset writes, for the audit log (names only). */
    static List<String> fields(boolean unlock) {
        return unlock ? AccountLocks.FIELDS : List.of(User.PASSWORD);
    }

    /**
     * @param stored the item as read now
     * @param loaded the version to change (the console's), or {@code null} for the one just read
     */
    NewPassword reset(Map<String, AttributeValue> stored, User loaded, PasswordGenerator.Style style, boolean unlock) {
        User current = loaded != null ? loaded : User.fromItem(stored);
        boolean locked = User.fromItem(stored).locked();
        String password = newPassword(style, PasswordContext.of(current, tableName));
        String hash = hasher.hash(password);
        List<String> remove = new ArrayList<>();
        if (unlock) {
            remove.addAll(AccountLocks.LOCK_ATTRIBUTES);
        }
        Map<String, String> set = Map.of(User.PASSWORD, locked && !unlock ? StoredHash.lock(hash) : hash);
        Written written = updates.apply(current, new VersionedUpdate.Change(set, remove,
                Map.of(User.PASSWORD, Optional.ofNullable(stored.get(User.PASSWORD)))), "password reset");
        return new NewPassword(written, password, locked && unlock);
    }

    /** A generated password the policy accepts (long enough for its minimum, no context word). */
    private String newPassword(PasswordGenerator.Style style, PasswordContext context) {
        InvalidInputException refused = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                return policy.check(generator.generate(style, policy.minLength()), context);
            } catch (InvalidInputException e) {
                refused = e;
            }
        }
        throw refused;
    }
}
