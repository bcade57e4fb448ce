package dev.userconsole.users.backup;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whether two items are the same to DynamoDB: it keeps a set's members in an order of its own and stores a
 * number in its own form ({@code 1.50} as {@code 1.5}), so an item read back can differ from the one sent in
 * nothing but that.
 */
public final class SameItem {
    private SameItem() {
    }

    public static boolean same(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, AttributeValue> entry : a.entrySet()) {
            AttributeValue other = b.get(entry.getKey());
            if (other == null || !same(entry.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    static boolean same(AttributeValue a, AttributeValue b) {
        if (a.type() != b.type()) {
            return false;
        }
        return switch (a.type()) {
            case N -> number(a.n()).equals(number(b.n()));
            case SS -> asSet(a.ss(), s -> s).equals(asSet(b.ss(), s -> s));
            case NS -> asSet(a.ns(), SameItem::number).equals(asSet(b.ns(), SameItem::number));
            case BS -> asSet(a.bs(), SameItem::bytes).equals(asSet(b.bs(), SameItem::bytes));
            case L -> sameList(a.l(), b.l());
            case M -> same(a.m(), b.m());
            default -> a.equals(b);
        };
    }

    private static boolean sameList(List<AttributeValue> a, List<AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static <T> Set<Object> asSet(List<T> members, Function<T, Object> identity) {
        return members.stream().map(identity).collect(Collectors.toSet());
    }

    /** A number as a value: {@code 1.50}, {@code 1.5} and {@code 15E-1} are one. */
    private static Object number(String n) {
        try {
            BigDecimal value = new BigDecimal(n).stripTrailingZeros();
            return value.signum() == 0 ? BigDecimal.ZERO : value;
        } catch (NumberFormatException e) {
            return n;
        }
    }

    private static Object bytes(SdkBytes bytes) {
        return ByteBuffer.wrap(bytes.asByteArrayUnsafe());
    }
}
