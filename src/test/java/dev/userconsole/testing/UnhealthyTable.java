package dev.userconsole.testing;

import dev.userconsole.users.health.Check;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mindrot.jbcrypt.BCrypt;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table seeded with every defect the health report looks for, written with raw SDK puts as other tools
 * (and the original app) wrote them, and the emails each check must find.
 */
public final class UnhealthyTable {
    public static final String PASSWORD = "seed-password-1";
    public static final String DATE = "2023-09-20T14:03:11.123Z";
    /** A real bcrypt hash of {@link #PASSWORD} at cost 10, as the original app writes. */
    public static final String GOOD_2A = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(10));
    public static final String WEAK_2A = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4));

    /** Every item the seed writes, by key. */
    public static final Map<String, Map<String, AttributeValue>> ITEMS = items();

    /** What each check must find: its emails, exactly. */
    public static final Map<Check, Set<String>> EXPECTED = Map.of(
            Check.WEAK_HASH, Set.of("weak@example.com"),
            Check.NOT_BCRYPT, Set.of("plain@example.com", "argon@example.com", "md5@example.com", "empty@example.com",
                    "nopass@example.com"),
            Check.LOCKED, Set.of("locked@example.com"),
            Check.MIXED_REVISIONS, Set.of("b@example.com", "y@example.com"),
            Check.KEY_NOT_NORMALISED, Set.of("Upper@Example.com", " spaced@example.com ", "Twin@Example.com"),
            Check.KEY_TWINS, Set.of("Twin@Example.com", "twin@example.com"),
            Check.MISSING_ATTRIBUTES, Set.of("nopass@example.com", "noname@example.com"),
            Check.WRONG_TYPES, Set.of("typed@example.com", "epoch@example.com"),
            Check.DATE_NOT_ISO, Set.of("offset@example.com", "epoch@example.com", "baddate@example.com"));

    private UnhealthyTable() {
    }

    private static Map<String, Map<String, AttributeValue>> items() {
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        for (String key : List.of("good@example.com", "Upper@Example.com", " spaced@example.com ", "Twin@Example.com")) {
            items.put(key, user(key, GOOD_2A));
        }
        // a twin is another person's item (the same item under both keys is a move that stopped half-way)
        Map<String, AttributeValue> twin = user("twin@example.com", GOOD_2A);
        twin.put("firstName", AttributeValue.fromS("Other"));
        items.put("twin@example.com", twin);
        items.put("weak@example.com", user("weak@example.com", WEAK_2A));
        items.put("plain@example.com", user("plain@example.com", "plaintext-password-9"));
        items.put("argon@example.com", user("argon@example.com", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"));
        items.put("md5@example.com", user("md5@example.com", "$1$saltsalt$qjXMvbEw8oaL.CzflDugX/"));
        items.put("empty@example.com", user("empty@example.com", ""));
        Map<String, AttributeValue> noPassword = user("nopass@example.com", GOOD_2A);
        noPassword.remove("password");
        items.put("nopass@example.com", noPassword);
        items.put("b@example.com", user("b@example.com", "$2b$" + GOOD_2A.substring(4)));
        items.put("y@example.com", user("y@example.com", "$2y$" + GOOD_2A.substring(4)));
        items.put("locked@example.com", user("locked@example.com", "!" + GOOD_2A));
        Map<String, AttributeValue> noName = user("noname@example.com", GOOD_2A);
        noName.remove("firstName");
        noName.remove("lastName");
        items.put("noname@example.com", noName);
        Map<String, AttributeValue> typed = user("typed@example.com", GOOD_2A);
        typed.put("firstName", AttributeValue.fromN("42"));
        items.put("typed@example.com", typed);
        Map<String, AttributeValue> offset = user("offset@example.com", GOOD_2A);
        offset.put("dateCreated", AttributeValue.fromS("2023-09-20T16:03:11+02:00"));
        offset.put("dateUpdated", AttributeValue.fromS("2023-09-20T14:03:11Z"));
        items.put("offset@example.com", offset);
        Map<String, AttributeValue> epoch = user("epoch@example.com", GOOD_2A);
        epoch.put("dateCreated", AttributeValue.fromN("1695218591123"));
        items.put("epoch@example.com", epoch);
        Map<String, AttributeValue> badDate = user("baddate@example.com", GOOD_2A);
        badDate.put("dateUpdated", AttributeValue.fromS("yesterday"));
        items.put("baddate@example.com", badDate);
        return items;
    }

    /** A whole user as the original app writes it. */
    public static Map<String, AttributeValue> user(String key, String password) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("emailAddress", AttributeValue.fromS(key));
        item.put("password", AttributeValue.fromS(password));
        item.put("firstName", AttributeValue.fromS("First"));
        item.put("lastName", AttributeValue.fromS("Last"));
        item.put("dateCreated", AttributeValue.fromS(DATE));
        item.put("dateUpdated", AttributeValue.fromS(DATE));
        return item;
    }

    public static void seed(DynamoDbClient raw, String table) {
        ITEMS.values().forEach(item -> raw.putItem(b -> b.tableName(table).item(item)));
    }
}
