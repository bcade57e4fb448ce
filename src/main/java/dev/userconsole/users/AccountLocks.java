package dev.userconsole.users;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.audit.AuditLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Locks an account without deleting it, in a way the original app and every bcrypt checker honour unchanged:
 * the stored hash gets the {@code !} prefix (as {@code passwd -l} does), so no password matches it, and
 * unlocking removes it, so the old password works again. When, by whom and why are recorded beside it.
 */
final class AccountLocks {
    /** The attributes a lock or unlock writes, for the audit log. */
    static final List<String> FIELDS = List.of(User.PASSWORD, User.LOCKED_AT, User.LOCKED_BY, User.LOCK_REASON);
    static final List<String> LOCK_ATTRIBUTES = List.of(User.LOCKED_AT, User.LOCKED_BY, User.LOCK_REASON);

    private final VersionedUpdate updates;
    private final Timestamps timestamps;

    AccountLocks(VersionedUpdate updates, Timestamps timestamps) {
        this.updates = updates;
        this.timestamps = timestamps;
    }

    /**
     * @param reason validated ({@link UserValidator#lockReason}), or {@code null}
     * @param stored the item as read now
     * @param loaded the version to lock (the console's), or {@code null} for the one just read
     */
    Written lock(String reason, Map<String, AttributeValue> stored, User loaded) {
        User current = loaded != null ? loaded : User.fromItem(stored);
        AttributeValue password = stored.get(User.PASSWORD);
        if (password != null && password.s() == null) {
            throw new ConsoleException(Problem.UNUSABLE_STORED_HASH, "The stored password of user "
                    + VisibleText.of(current.emailAddress()) + " is not a string, so it cannot carry the lock"
                    + " prefix; nothing was written. Reset its password instead (no password matches it now).");
        }
        if (User.fromItem(stored).locked()) {
            throw new ConsoleException(Problem.ALREADY_LOCKED, "User " + VisibleText.of(current.emailAddress())
                    + " is already locked" + lockDetails(stored) + "; nothing was written.");
        }
        Map<String, String> set = new LinkedHashMap<>();
        // a missing password becomes the prefix alone: no worse, and unlocking removes it again
        set.put(User.PASSWORD, StoredHash.lock(password == null ? "" : password.s()));
        set.put(User.LOCKED_AT, timestamps.now());
        set.put(User.LOCKED_BY, AuditLog.administrator());
        List<String> remove = new ArrayList<>();
        if (reason != null) {
            set.put(User.LOCK_REASON, reason);
        } else {
            remove.add(User.LOCK_REASON); // one left by another tool must not explain this lock
        }
        return updates.apply(current, new VersionedUpdate.Change(set, remove,
                Map.of(User.PASSWORD, Optional.ofNullable(password))), "lock");
    }

    /** Removes the prefix and the lock attributes; refused ({@link Problem#NOT_LOCKED}) when there is no prefix. */
    Written unlock(Map<String, AttributeValue> stored, User loaded) {
        User current = loaded != null ? loaded : User.fromItem(stored);
        if (!User.fromItem(stored).locked()) {
            throw new ConsoleException(Problem.NOT_LOCKED, "User " + VisibleText.of(current.emailAddress())
                    + " is not locked; nothing was written.");
        }
        AttributeValue password = stored.get(User.PASSWORD);
        String unlocked = StoredHash.unlock(password.s());
        Map<String, String> set = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>(LOCK_ATTRIBUTES);
        if (unlocked.isEmpty()) {
            remove.add(User.PASSWORD); // the prefix alone: a missing password was locked
        } else {
            set.put(User.PASSWORD, unlocked);
        }
        return updates.apply(current, new VersionedUpdate.Change(set, remove,
                Map.of(User.PASSWORD, Optional.of(password))), "unlock");
    }

    /** Refuses ({@link Problem#LOCKED}) when the stored item is locked: no password may match it. */
    static void refuseIfLocked(Map<String, AttributeValue> stored) {
        User user = User.fromItem(stored);
        if (user.locked()) {
            throw new ConsoleException(Problem.LOCKED, "User " + VisibleText.of(user.emailAddress()) + " is locked"
                    + lockDetails(stored) + "; no password matches until it is unlocked.");
        }
    }

    /** " (since T, by user@host: reason)", from what is recorded; empty when nothing is (another tool locked it). */
    private static String lockDetails(Map<String, AttributeValue> stored) {
        List<String> parts = new ArrayList<>();
        String at = User.string(stored, User.LOCKED_AT);
        String by = User.string(stored, User.LOCKED_BY);
        String reason = User.string(stored, User.LOCK_REASON);
        if (at != null) {
            parts.add("since " + VisibleText.of(at));
        }
        if (by != null) {
            parts.add("by " + VisibleText.of(by));
        }
        String who = String.join(", ", parts);
        if (reason != null) {
            who = who.isEmpty() ? VisibleText.of(reason) : who + ": " + VisibleText.of(reason);
        }
        return who.isEmpty() ? "" : " (" + who + ")";
    }
}
