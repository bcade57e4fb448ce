package dev.userconsole.users.backup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SameItemTest {
    private static Map<String, AttributeValue> item(AttributeValue value) {
        return Map.of("emailAddress", AttributeValue.fromS("a@example.com"), "v", value);
    }

    private static boolean same(AttributeValue a, AttributeValue b) {
        return SameItem.same(item(a), item(b));
    }

    @Test
    void numbersInDynamoDbsOwnFormAndSetsInAnyOrderAreTheSame() {
        assertTrue(same(AttributeValue.fromN("1.50"), AttributeValue.fromN("1.5")));
        assertTrue(same(AttributeValue.fromN("1E+3"), AttributeValue.fromN("1000")));
        assertTrue(same(AttributeValue.fromN("-0"), AttributeValue.fromN("0")));
        assertTrue(same(AttributeValue.fromSs(List.of("b", "a")), AttributeValue.fromSs(List.of("a", "b"))));
        assertTrue(same(AttributeValue.fromNs(List.of("2.0", "1")), AttributeValue.fromNs(List.of("1", "2"))));
        assertTrue(same(AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"), SdkBytes.fromUtf8String("y"))),
                AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("y"), SdkBytes.fromUtf8String("x")))));
        assertTrue(same(AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromN("1.0"))))),
                AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromN("1")))))));
    }

    @Test
    void anyRealDifferenceIsADifference() {
        assertFalse(same(AttributeValue.fromN("1.5"), AttributeValue.fromN("1.51")));
        assertFalse(same(AttributeValue.fromN("1"), AttributeValue.fromS("1")), "the type counts");
        assertFalse(same(AttributeValue.fromS("a"), AttributeValue.fromS("A")));
        assertFalse(same(AttributeValue.fromSs(List.of("a", "b")), AttributeValue.fromSs(List.of("a"))));
        assertFalse(same(AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromS("b"))),
                AttributeValue.fromL(List.of(AttributeValue.fromS("b"), AttributeValue.fromS("a")))), "lists keep order");
        assertFalse(same(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1})),
                AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {2}))));
        assertFalse(same(AttributeValue.fromBool(true), AttributeValue.fromBool(false)));
        assertFalse(SameItem.same(item(AttributeValue.fromS("x")),
                Map.of("emailAddress", AttributeValue.fromS("a@example.com"))), "a missing attribute");
        assertFalse(SameItem.same(item(AttributeValue.fromS("x")), Map.of("emailAddress",
                AttributeValue.fromS("a@example.com"), "w", AttributeValue.fromS("x"))), "another name");
    }
}
