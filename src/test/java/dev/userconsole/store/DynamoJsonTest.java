package dev.userconsole.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoJsonTest {
    private static final byte[] NOT_UTF8 = {(byte) 0xff, 0x00, (byte) 0xc3, 0x28, (byte) 0x80, 0x7f};

    private static Map<String, AttributeValue> everyType() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("emailAddress", AttributeValue.fromS("John Smith@Example"));
        item.put("empty", AttributeValue.fromS(""));
        item.put("text", AttributeValue.fromS("line\nbreak \"quoted\" \\ \u001b[31m \u202e é 😀 \u2028"));
        item.put("n", AttributeValue.fromN("1.50"));
        item.put("negZero", AttributeValue.fromN("-0"));
        item.put("exp", AttributeValue.fromN("1E+3"));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(NOT_UTF8)));
        item.put("emptyB", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])));
        item.put("t", AttributeValue.fromBool(true));
        item.put("f", AttributeValue.fromBool(false));
        item.put("nul", AttributeValue.fromNul(true));
        item.put("ss", AttributeValue.fromSs(List.of("b", "a", "")));
        item.put("ns", AttributeValue.fromNs(List.of("1", "-2.5", "3E-7")));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(NOT_UTF8),
                SdkBytes.fromUtf8String("x"))));
        item.put("emptyL", AttributeValue.fromL(List.of()));
        item.put("emptyM", AttributeValue.fromM(Map.of()));
        item.put("nested", AttributeValue.fromL(List.of(
                AttributeValue.fromM(Map.of("deeper", AttributeValue.fromL(List.of(AttributeValue.fromN("7"),
                        AttributeValue.fromSs(List.of("x")), AttributeValue.fromNul(true))))),
                AttributeValue.fromS("two"))));
        item.put("odd name \"with\" quotes", AttributeValue.fromM(Map.of("a.b", AttributeValue.fromBool(false))));
        return item;
    }

    @Test
    void everyTypeAndNestingSurvivesARoundTripExactly() {
        Map<String, AttributeValue> item = everyType();
        String line = DynamoJson.write(item);
        assertFalse(line.contains("\n"), "one item, one line");
        assertEquals(item, DynamoJson.read(line));
        assertEquals(List.copyOf(item.keySet()), List.copyOf(DynamoJson.read(line).keySet()), "order is kept");
    }

    @Test
    void theFormatIsDynamoDbsOwn() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("emailAddress", AttributeValue.fromS("a@example.com"));
        item.put("n", AttributeValue.fromN("1.50"));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(NOT_UTF8)));
        item.put("ok", AttributeValue.fromBool(true));
        item.put("none", AttributeValue.fromNul(true));
        item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromNs(List.of("1")))));
        assertEquals("{\"Item\":{\"emailAddress\":{\"S\":\"a@example.com\"},\"n\":{\"N\":\"1.50\"},"
                + "\"b\":{\"B\":\"/wDDKIB/\"},\"ok\":{\"BOOL\":true},\"none\":{\"NULL\":true},"
                + "\"l\":{\"L\":[{\"NS\":[\"1\"]}]}}}", DynamoJson.write(item));
    }

    @Test
    void linesAsAwsExportsWriteThemAreRead() {
        // the shape of a line of DynamoDB's export to S3 (DYNAMODB_JSON)
        Map<String, AttributeValue> item = DynamoJson.read(" {\"Item\": {\"emailAddress\": {\"S\": \"x@example.com\"},"
                + " \"bin\": {\"B\": \"AAEC\"}, \"set\": {\"BS\": [\"AA==\", \"AQ==\"]}, \"m\": {\"M\": {}}}} ");
        assertEquals("x@example.com", item.get("emailAddress").s());
        assertArrayEquals(new byte[] {0, 1, 2}, item.get("bin").b().asByteArray());
        assertEquals(2, item.get("set").bs().size());
        assertTrue(item.get("m").m().isEmpty());
    }

    @Test
    void numbersAreKeptAsTheirExactStrings() {
        for (String n : List.of("1.50", "-0", "1E+3", "0.000000000000000000000000000000000001",
                "99999999999999999999999999999999999999", "+5", ".5", "5.", "1e-130")) {
            String line = "{\"Item\":{\"emailAddress\":{\"S\":\"a\"},\"n\":{\"N\":\"" + n + "\"}}}";
            assertEquals(n, DynamoJson.read(line).get("n").n(), n);
            assertEquals(line, DynamoJson.write(DynamoJson.read(line)), n);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not JSON                      | {\"Item\":{ | line: is not valid JSON (at character 10)",
        "garbage quoting a secret      | {\"Item\":{\"password\":{\"S\":$2a$10$secretsecret}}} | line: is not valid JSON (at character 45)",
        "an array                      | [1,2] | line: is not a JSON object like {\"Item\":{...}}",
        "a bare string                 | `\"x\"` | line: is not a JSON object like {\"Item\":{...}}",
        "no Item                       | {} | line: has no \"Item\" object",
        "another field                 | {\"Item\":{},\"Extra\":1} | line: has the field \"Extra\"; only \"Item\" is allowed",
        "Item twice                    | {\"Item\":{},\"Item\":{}} | line: has \"Item\" twice",
        "Item not an object            | {\"Item\":[]} | Item: must be an object of attributes",
        "trailing content              | {\"Item\":{}} {} | line: has more after the item's closing brace",
        "value not an object           | {\"Item\":{\"a\":\"text\"}} | Item.a: must be an object with one type, like {\"S\":\"text\"}",
        "no type                       | {\"Item\":{\"a\":{}}} | Item.a: has no type (S, N, B, BOOL, NULL, L, M, SS, NS or BS)",
        "unknown type                  | {\"Item\":{\"a\":{\"X\":1}}} | Item.a: has the unknown type \"X\" (S, N, B, BOOL, NULL, L, M, SS, NS or BS)",
        "lower-case type               | {\"Item\":{\"a\":{\"s\":\"x\"}}} | Item.a: has the unknown type \"s\" (S, N, B, BOOL, NULL, L, M, SS, NS or BS)",
        "two types                     | {\"Item\":{\"a\":{\"S\":\"x\",\"N\":\"1\"}}} | Item.a: has more than one type",
        "S a number                    | {\"Item\":{\"a\":{\"S\":1}}} | Item.a: S must be JSON strings",
        "S null                        | {\"Item\":{\"a\":{\"S\":null}}} | Item.a: S must be JSON strings",
        "N a JSON number               | {\"Item\":{\"a\":{\"N\":1.5}}} | Item.a: N must be numbers written as strings, like \"1.5\"",
        "N not a number                | {\"Item\":{\"a\":{\"N\":\"1,5\"}}} | Item.a: N must be numbers, like \"-12.5\" or \"1E+3\"",
        "N empty                       | {\"Item\":{\"a\":{\"N\":\"\"}}} | Item.a: N must be numbers, like \"-12.5\" or \"1E+3\"",
        "N NaN                         | {\"Item\":{\"a\":{\"N\":\"NaN\"}}} | Item.a: N must be numbers, like \"-12.5\" or \"1E+3\"",
        "B not base64                  | {\"Item\":{\"a\":{\"B\":\"not base64!\"}}} | Item.a: B must be base64 (A-Z, a-z, 0-9, +, / and = padding)",
        "B a number                    | {\"Item\":{\"a\":{\"B\":5}}} | Item.a: B must be base64 strings",
        "BOOL a string                 | {\"Item\":{\"a\":{\"BOOL\":\"true\"}}} | Item.a: BOOL must be true or false",
        "NULL false                    | {\"Item\":{\"a\":{\"NULL\":false}}} | Item.a: NULL must be true",
        "SS empty                      | {\"Item\":{\"a\":{\"SS\":[]}}} | Item.a: SS is empty (DynamoDB sets cannot be)",
        "SS not an array               | {\"Item\":{\"a\":{\"SS\":\"x\"}}} | Item.a: SS must be an array",
        "SS with a number              | {\"Item\":{\"a\":{\"SS\":[\"x\",1]}}} | Item.a[1]: SS members must be JSON strings",
        "SS duplicate                  | {\"Item\":{\"a\":{\"SS\":[\"x\",\"y\",\"x\"]}}} | Item.a[2]: SS holds this member twice (a set cannot)",
        "NS duplicate by value         | {\"Item\":{\"a\":{\"NS\":[\"1.0\",\"1\"]}}} | Item.a[1]: NS holds this member twice (a set cannot)",
        "NS bad member                 | {\"Item\":{\"a\":{\"NS\":[\"1\",\"x\"]}}} | Item.a[1]: NS members must be numbers, like \"-12.5\" or \"1E+3\"",
        "BS bad member                 | {\"Item\":{\"a\":{\"BS\":[\"AA==\",\"*\"]}}} | Item.a[1]: BS members must be base64 (A-Z, a-z, 0-9, +, / and = padding)",
        "BS duplicate                  | {\"Item\":{\"a\":{\"BS\":[\"AA==\",\"AA==\"]}}} | Item.a[1]: BS holds this member twice (a set cannot)",
        "L not an array                | {\"Item\":{\"a\":{\"L\":{}}}} | Item.a: L must be an array of attribute values",
        "L with a bare value           | {\"Item\":{\"a\":{\"L\":[{\"S\":\"x\"},5]}}} | Item.a[1]: must be an object with one type, like {\"S\":\"text\"}",
        "M not an object               | {\"Item\":{\"a\":{\"M\":[]}}} | Item.a: M must be an object of attributes",
        "deep bad value                | {\"Item\":{\"a\":{\"M\":{\"b c\":{\"L\":[{\"M\":{\"d\":{\"N\":true}}}]}}}}} | Item.a[\"b c\"][0].d: N must be numbers written as strings, like \"1.5\"",
        "duplicate attribute           | {\"Item\":{\"a\":{\"S\":\"x\"},\"a\":{\"S\":\"y\"}}} | Item.a: appears twice",
        "duplicate in M                | {\"Item\":{\"m\":{\"M\":{\"k\":{\"S\":\"x\"},\"k\":{\"S\":\"x\"}}}}} | Item.m.k: appears twice",
        "escape in a name              | {\"Item\":{\"\\u001b]0;x\":{\"S\":1}}} | Item[\"\\x1b]0;x\"]: S must be JSON strings",
    })
    void malformedLinesAreRefusedWithWhereAndWhy(String name, String line, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DynamoJson.read(line));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "a value is never quoted");
    }

    @Test
    void nestingBeyondAnySensibleDepthIsRefusedNotAStackOverflow() {
        String line = "{\"Item\":{\"a\":" + "{\"L\":[".repeat(5000) + "]}".repeat(5000) + "}}";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DynamoJson.read(line));
        assertTrue(e.getMessage().endsWith(": is nested more than 100 levels deep"), e.getMessage());
        String ok = "{\"Item\":{\"a\":" + "{\"L\":[".repeat(32) + "]}".repeat(32) + "}}";
        assertEquals(ok, DynamoJson.write(DynamoJson.read(ok)), "DynamoDB's 32 levels are fine");
    }

    @Test
    void nonUtf8BytesAreBase64AndComeBackByteForByte() {
        Map<String, AttributeValue> item = Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(NOT_UTF8)));
        String line = DynamoJson.write(item);
        assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(line));
        assertArrayEquals(NOT_UTF8, DynamoJson.read(line).get("b").b().asByteArray());
    }
}
