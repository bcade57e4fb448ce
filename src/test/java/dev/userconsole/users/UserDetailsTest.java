package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.testing.LocalDynamoDb;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What details shows of items other tools wrote: every attribute, typed, printable, and never a hash. */
class UserDetailsTest {
    private static final String HASH = "$2a$10$" + "N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
    private static final String WEAK = "$2b$04$" + "abcdefghijklmnopqrstuVwxyz0123456789ABCDEFGHIJKLMNOPQ";

    private final String table = LocalDynamoDb.freshTableName();
    private final DynamoDbClient raw = LocalDynamoDb.rawClient();
    private UserController users;

    @BeforeEach
    void setUp() {
        users = LocalDynamoDb.controller(table);
        users.createTable(false);
    }

    @AfterEach
    void tearDown() {
        users.close();
        raw.close();
    }

    private void put(Map<String, AttributeValue> item) {
        raw.putItem(b -> b.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> legacy(String email, String password) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("emailAddress", AttributeValue.fromS(email));
        item.put("firstName", AttributeValue.fromS("Ann"));
        item.put("lastName", AttributeValue.fromS("Lee"));
        item.put("password", AttributeValue.fromS(password));
        item.put("dateCreated", AttributeValue.fromS("2023-09-20T14:03:11.123Z"));
        item.put("dateUpdated", AttributeValue.fromS("2023-09-20T16:03:11.123+02:00"));
        return item;
    }

    @Test
    void everyAttributeIsShownWithItsTypeKnownOnesFirstAndNoHashAnywhere() {
        Map<String, AttributeValue> item = legacy("Ann@Example.com", StoredHash.lock(HASH));
        item.put("lockedAt", AttributeValue.fromS("2026-11-30T08:00:00.000Z"));
        item.put("lockedBy", AttributeValue.fromS("ops@bastion"));
        item.put("zeta", AttributeValue.fromS("last"));
        item.put("previousHash", AttributeValue.fromS(HASH.substring(0, 40)));
        item.put("loginCount", AttributeValue.fromN("42"));
        item.put("active", AttributeValue.fromBool(true));
        item.put("nothing", AttributeValue.fromNul(true));
        item.put("roles", AttributeValue.fromSs(List.of("admin", "ops")));
        item.put("scores", AttributeValue.fromNs(List.of("1.5", "7")));
        item.put("avatar", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})));
        item.put("photo", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[5000])));
        item.put("oldPasswords", AttributeValue.fromL(List.of(AttributeValue.fromS(WEAK), AttributeValue.fromN("3"))));
        item.put("profile", AttributeValue.fromM(Map.of("city", AttributeValue.fromS("Oslo"),
                "tags", AttributeValue.fromL(List.of(AttributeValue.fromBool(false))))));
        item.put("bio", AttributeValue.fromS("b".repeat(5000)));
        item.put("evil\u001b[2J", AttributeValue.fromS("\u202eoops\u0007"));
        put(item);

        UserDetails details = users.details("Ann@Example.com");
        assertEquals("Ann@Example.com", details.user().emailAddress(), "the key as stored");
        assertTrue(details.locked());
        assertEquals("locked (bcrypt $2a$, cost 10)", details.password().describe());
        Map<String, UserDetails.Attribute> shown = details.attributes().stream()
                .collect(Collectors.toMap(UserDetails.Attribute::name, a -> a));
        assertEquals(List.of("emailAddress", "firstName", "lastName", "password", "dateCreated", "dateUpdated",
                "lockedAt", "lockedBy", "active", "avatar", "bio", "evil\\x1b[2J", "loginCount", "nothing",
                "oldPasswords", "photo", "previousHash", "profile", "roles", "scores", "zeta"),
                details.attributes().stream().map(UserDetails.Attribute::name).toList());
        assertEquals("locked (bcrypt $2a$, cost 10)", shown.get("password").value());
        assertEquals("", shown.get("firstName").type());
        assertEquals("N 42", shown.get("loginCount").type() + " " + shown.get("loginCount").value());
        assertEquals("BOOL true", shown.get("active").type() + " " + shown.get("active").value());
        assertEquals("NULL null", shown.get("nothing").type() + " " + shown.get("nothing").value());
        assertEquals("SS [\"admin\", \"ops\"]", shown.get("roles").type() + " " + shown.get("roles").value());
        assertEquals("NS", shown.get("scores").type());
        assertEquals("B AQID", shown.get("avatar").type() + " " + shown.get("avatar").value());
        assertEquals("(5000 bytes)", shown.get("photo").value());
        assertEquals("L [\"(bcrypt $2b$, cost 4)\", 3]", shown.get("oldPasswords").type() + " "
                + shown.get("oldPasswords").value(), "a hash elsewhere is described too");
        assertEquals("(a password hash, not bcrypt)", shown.get("previousHash").value(), "nor a damaged one");
        assertEquals("M {\"city\": \"Oslo\", \"tags\": [false]}", shown.get("profile").type() + " "
                + shown.get("profile").value());
        assertEquals("\\u202eoops\\x07", shown.get("evil\\x1b[2J").value());
        assertTrue(shown.get("bio").value().endsWith("… (5000 characters)"), shown.get("bio").value());
        assertTrue(shown.get("bio").value().length() < 400);

        String everything = details.toString();
        assertFalse(everything.contains(HASH.substring(7)), "the hash never appears");
        assertFalse(everything.contains(WEAK.substring(7)), "nor another tool's");
        assertFalse(everything.contains("$2a$10$"), everything);
    }

    @Test
    void timestampsAreGivenInFullInUtcAndLocalTime() {
        put(legacy("tz@example.com", HASH));
        UserDetails details = users.details("tz@example.com");
        UserDetails.Attribute created = details.attributes().get(4);
        assertEquals("dateCreated", created.name());
        assertEquals("2023-09-20T14:03:11.123Z", created.value(), "the value as stored");
        assertEquals("2023-09-20 14:03:11.123 UTC", created.time().utc());
        ZoneId zone = ZoneId.systemDefault();
        String local = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS")
                .format(Instant.parse("2023-09-20T14:03:11.123Z").atZone(zone));
        assertTrue(created.time().local().startsWith(local + " "), created.time().local());
        assertTrue(created.time().local().endsWith(zone.getId()), created.time().local());
        UserDetails.Attribute updated = details.attributes().get(5);
        assertEquals("2023-09-20 14:03:11.123 UTC", updated.time().utc(), "an offset is converted to UTC");
        assertNull(details.attributes().get(1).time(), "a name is not a time");
        assertEquals("bcrypt $2a$, cost 10", details.password().describe());
    }

    @Test
    void aPasswordThatIsNotABcryptHashOrNotAStringIsSaidSo() {
        put(legacy("plain@example.com", "hunter2"));
        Map<String, AttributeValue> numeric = legacy("number@example.com", HASH);
        numeric.put("password", AttributeValue.fromN("12345"));
        put(numeric);
        Map<String, AttributeValue> none = legacy("none@example.com", HASH);
        none.remove("password");
        put(none);
        UserDetails plain = users.details("plain@example.com");
        assertEquals("not a bcrypt hash", plain.password().describe());
        assertFalse(plain.toString().contains("hunter2"), "a plaintext password is not shown either");
        UserDetails number = users.details("number@example.com");
        assertEquals("not a bcrypt hash", number.password().describe());
        assertEquals("N", number.attributes().get(3).type());
        assertFalse(number.toString().contains("12345"));
        assertEquals("no password", users.details("none@example.com").password().describe());
    }

    @Test
    void aMissingUserIsNotFound() {
        ConsoleException e = assertThrows(ConsoleException.class, () -> users.details("ghost@example.com"));
        assertEquals(Problem.NOT_FOUND, e.problem());
        assertEquals("No user with email ghost@example.com.", e.getMessage());
    }
}
