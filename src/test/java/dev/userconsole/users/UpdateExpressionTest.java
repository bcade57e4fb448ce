package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class UpdateExpressionTest {

    @Test
    void everyNameAndValueIsAPlaceholder() {
        UpdateExpression.Builder b = UpdateExpression.builder().set("firstName", "Ann").set("dateUpdated", "t2");
        b.condition("attribute_exists(" + b.name("emailAddress") + ") AND " + b.name("dateUpdated") + " = "
                + b.value(AttributeValue.fromS("t1")));
        UpdateExpression e = b.build();
        assertEquals("SET #n0 = :v0, #n1 = :v1", e.update());
        assertEquals("attribute_exists(#n2) AND #n1 = :v2", e.condition());
        assertEquals(Map.of("#n0", "firstName", "#n1", "dateUpdated", "#n2", "emailAddress"), e.names());
        assertEquals(Map.of(":v0", AttributeValue.fromS("Ann"), ":v1", AttributeValue.fromS("t2"),
                ":v2", AttributeValue.fromS("t1")), e.values());
    }

    @Test
    void reservedWordsAndOddValuesNeverEnterTheExpression() {
        UpdateExpression e = UpdateExpression.builder().set("name", "x = :v0, password = :v1").build();
        assertEquals("SET #n0 = :v0", e.update());
    }

    @Test
    void removalsFollowTheAssignmentsBehindPlaceholders() {
        UpdateExpression e = UpdateExpression.builder().set("password", "h").remove("lockedAt").remove("lockReason")
                .build();
        assertEquals("SET #n0 = :v0 REMOVE #n1, #n2", e.update());
        assertEquals(Map.of("#n0", "password", "#n1", "lockedAt", "#n2", "lockReason"), e.names());
    }

    @Test
    void anExpressionWithoutAssignmentsCannotBeBuilt() {
        assertThrows(IllegalStateException.class, () -> UpdateExpression.builder().build());
    }
}
