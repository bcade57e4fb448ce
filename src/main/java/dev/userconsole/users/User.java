package dev.userconsole.users;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A user as shown to people: never the password hash. Any attribute except the key may be missing
 * ({@code null}) in items older tools wrote; attributes of an unexpected type read as missing.
 *
 * @param emailAddress the key exactly as stored (it may be un-normalised in old items)
 * @param locked       whether the stored password carries the lock prefix ({@link StoredHash#LOCK_PREFIX}):
 *                     all a user keeps of it
 */
public record User(String emailAddress, String firstName, String lastName, String dateCreated,
                   String dateUpdated, boolean locked) {

    public static final String EMAIL = "emailAddress";
    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String PASSWORD = "password";
    public static final String DATE_CREATED = "dateCreated";
    public static final String DATE_UPDATED = "dateUpdated";
    /** When, by whom (OS user@host) and why an account was locked: absent on unlocked accounts. */
    public static final String LOCKED_AT = "lockedAt";
    public static final String LOCKED_BY = "lockedBy";
    public static final String LOCK_REASON = "lockReason";

    /** An unlocked user. */
    public User(String emailAddress, String firstName, String lastName, String dateCreated, String dateUpdated) {
        this(emailAddress, firstName, lastName, dateCreated, dateUpdated, false);
    }

    static User fromItem(Map<String, AttributeValue> item) {
        return new User(string(item, EMAIL), string(item, FIRST_NAME), string(item, LAST_NAME),
                string(item, DATE_CREATED), string(item, DATE_UPDATED), StoredHash.of(string(item, PASSWORD)).locked());
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
