package dev.userconsole.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.text.VisibleText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's own JSON for items, one {@code {"Item":{...}}} per line: the format of DynamoDB's export to S3,
 * which its import from S3 reads. Every type is kept exactly: numbers as the strings DynamoDB gave, binary as
 * base64, sets and nested lists and maps recursively.
 *
 * <p>{@link #read} checks the structure only (no rules about what a user should look like) and refuses a
 * malformed line with the path to the bad value and why, never quoting a value: a line may hold a password hash.
 */
public final class DynamoJson {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String ITEM = "Item";
    /** DynamoDB's number syntax (its range, 38 digits and exponents -130 to +125, is checked by DynamoDB). */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    /** Far beyond DynamoDB's 32 levels: only keeps a hostile line from exhausting the stack. */
    private static final int MAX_DEPTH = 100;

    private DynamoJson() {
    }

    /** The item as one line of DynamoDB JSON, without the line break. */
    public static String write(Map<String, AttributeValue> item) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeFieldName(ITEM);
            writeMap(json, item);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeMap(JsonGenerator json, Map<String, AttributeValue> map) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, AttributeValue> entry : map.entrySet()) {
            json.writeFieldName(entry.getKey());
            writeValue(json, entry.getValue());
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, AttributeValue value) throws IOException {
        json.writeStartObject();
        switch (value.type()) {
            case S -> json.writeStringField("S", value.s());
            case N -> json.writeStringField("N", value.n());
            case B -> json.writeStringField("B", base64(value.b()));
            case BOOL -> json.writeBooleanField("BOOL", value.bool());
            case NUL -> json.writeBooleanField("NULL", true);
            case SS -> writeStrings(json, "SS", value.ss());
            case NS -> writeStrings(json, "NS", value.ns());
            case BS -> writeStrings(json, "BS", value.bs().stream().map(DynamoJson::base64).toList());
            case L -> {
                json.writeArrayFieldStart("L");
                for (AttributeValue member : value.l()) {
                    writeValue(json, member);
                }
                json.writeEndArray();
            }
            case M -> {
                json.writeFieldName("M");
                writeMap(json, value.m());
            }
            default -> throw new IllegalArgumentException("an attribute of a type this program does not know");
        }
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String type, List<String> members) throws IOException {
        json.writeArrayFieldStart(type);
        for (String member : members) {
            json.writeString(member);
        }
        json.writeEndArray();
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }

    /**
     * The item a line holds.
     *
     * @throws InvalidInputException naming where in the line the problem is ({@code Item.tags[2]}) and why
     */
    public static Map<String, AttributeValue> read(String line) {
        try (JsonParser json = JSON.createParser(line)) {
            Path path = new Path();
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException("line", "is not a JSON object like {\"Item\":{...}}");
            }
            Map<String, AttributeValue> item = null;
            for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
                String name = json.getCurrentName();
                if (!ITEM.equals(name)) {
                    throw new InvalidInputException("line", "has the field " + Path.quoted(name)
                            + "; only \"Item\" is allowed");
                }
                if (item != null) {
                    throw new InvalidInputException("line", "has \"Item\" twice");
                }
                if (json.nextToken() != JsonToken.START_OBJECT) {
                    throw new InvalidInputException(ITEM, "must be an object of attributes");
                }
                item = readMap(json, path.enter(ITEM), 1);
            }
            if (item == null) {
                throw new InvalidInputException("line", "has no \"Item\" object");
            }
            if (json.nextToken() != null) {
                throw new InvalidInputException("line", "has more after the item's closing brace");
            }
            return item;
        } catch (JsonProcessingException e) {
            // the parser's own message may quote the line (a hash, say): only the position is given
            throw new InvalidInputException("line", "is not valid JSON (at character "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the members of an object the parser has just entered, up to its end. */
    private static Map<String, AttributeValue> readMap(JsonParser json, Path path, int depth) throws IOException {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
            String name = json.getCurrentName();
            Path member = path.member(name);
            if (map.containsKey(name)) {
                throw new InvalidInputException(member.toString(), "appears twice");
            }
            json.nextToken();
            map.put(name, readValue(json, member, depth));
        }
        return map;
    }

    /** Reads one attribute value, {@code {"TYPE": ...}}, whose start the parser is on. */
    private static AttributeValue readValue(JsonParser json, Path path, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException(path.toString(), "is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw new InvalidInputException(path.toString(), "must be an object with one type, like {\"S\":\"text\"}");
        }
        if (json.nextToken() == JsonToken.END_OBJECT) {
            throw new InvalidInputException(path.toString(), "has no type (S, N, B, BOOL, NULL, L, M, SS, NS or BS)");
        }
        String type = json.getCurrentName();
        JsonToken token = json.nextToken();
        AttributeValue value = switch (type) {
            case "S" -> AttributeValue.fromS(string(json, token, path, "S"));
            case "N" -> AttributeValue.fromN(number(json, token, path, "N"));
            case "B" -> AttributeValue.fromB(binary(json, token, path, "B"));
            case "BOOL" -> {
                if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                    throw new InvalidInputException(path.toString(), "BOOL must be true or false");
                }
                yield AttributeValue.fromBool(token == JsonToken.VALUE_TRUE);
            }
            case "NULL" -> {
                if (token != JsonToken.VALUE_TRUE) {
                    throw new InvalidInputException(path.toString(), "NULL must be true");
                }
                yield AttributeValue.fromNul(true);
            }
            case "SS" -> AttributeValue.fromSs(set(json, token, path, "SS", (t, p) -> string(json, t, p, "SS"),
                    member -> member));
            case "NS" -> AttributeValue.fromNs(set(json, token, path, "NS", (t, p) -> number(json, t, p, "NS"),
                    member -> new BigDecimal(member).stripTrailingZeros()));
            case "BS" -> AttributeValue.fromBs(set(json, token, path, "BS", (t, p) -> binary(json, t, p, "BS"),
                    member -> ByteBuffer.wrap(member.asByteArrayUnsafe())));
            case "L" -> {
                if (token != JsonToken.START_ARRAY) {
                    throw new InvalidInputException(path.toString(), "L must be an array of attribute values");
                }
                List<AttributeValue> list = new ArrayList<>();
                for (JsonToken next = json.nextToken(); next != JsonToken.END_ARRAY; next = json.nextToken()) {
                    list.add(readValue(json, path.index(list.size()), depth + 1));
                }
                yield AttributeValue.fromL(list);
            }
            case "M" -> {
                if (token != JsonToken.START_OBJECT) {
                    throw new InvalidInputException(path.toString(), "M must be an object of attributes");
                }
                yield AttributeValue.fromM(readMap(json, path, depth + 1));
            }
            default -> throw new InvalidInputException(path.toString(), "has the unknown type " + Path.quoted(type)
                    + " (S, N, B, BOOL, NULL, L, M, SS, NS or BS)");
        };
        if (json.nextToken() != JsonToken.END_OBJECT) {
            throw new InvalidInputException(path.toString(), "has more than one type");
        }
        return value;
    }

    private static String string(JsonParser json, JsonToken token, Path path, String type) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw new InvalidInputException(path.toString(), type + (type.equals("S") ? " must be" : " members must be")
                    + " JSON strings");
        }
        return json.getText();
    }

    private static String number(JsonParser json, JsonToken token, Path path, String type) throws IOException {
        String what = type.equals("N") ? "N must be" : "NS members must be";
        if (token != JsonToken.VALUE_STRING) {
            throw new InvalidInputException(path.toString(), what + " numbers written as strings, like \"1.5\"");
        }
        String number = json.getText();
        if (!NUMBER.matcher(number).matches()) {
            throw new InvalidInputException(path.toString(), what + " numbers, like \"-12.5\" or \"1E+3\"");
        }
        return number;
    }

    private static SdkBytes binary(JsonParser json, JsonToken token, Path path, String type) throws IOException {
        String what = type.equals("B") ? "B must be" : "BS members must be";
        if (token != JsonToken.VALUE_STRING) {
            throw new InvalidInputException(path.toString(), what + " base64 strings");
        }
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(json.getText()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(path.toString(), what + " base64 (A-Z, a-z, 0-9, +, / and = padding)");
        }
    }

    private interface Member<T> {
        T read(JsonToken token, Path path) throws IOException;
    }

    /** A set's members: a non-empty array without duplicates (as DynamoDB compares them). */
    private static <T> List<T> set(JsonParser json, JsonToken token, Path path, String type, Member<T> reader,
                                   Function<T, Object> identity) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw new InvalidInputException(path.toString(), type + " must be an array");
        }
        List<T> members = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (JsonToken next = json.nextToken(); next != JsonToken.END_ARRAY; next = json.nextToken()) {
            Path at = path.index(members.size());
            T member = reader.read(next, at);
            if (!seen.add(identity.apply(member))) {
                throw new InvalidInputException(at.toString(), type + " holds this member twice (a set cannot)");
            }
            members.add(member);
        }
        if (members.isEmpty()) {
            throw new InvalidInputException(path.toString(), type + " is empty (DynamoDB sets cannot be)");
        }
        return members;
    }

    /** Where a value is, for messages: {@code Item.profile.tags[2]}; odd names are quoted and made printable. */
    private static final class Path {
        private final String text;

        Path() {
            this("");
        }

        private Path(String text) {
            this.text = text;
        }

        Path enter(String name) {
            return new Path(name);
        }

        Path member(String name) {
            return new Path(text + (SIMPLE_NAME.matcher(name).matches() ? "." + name : "[" + quoted(name) + "]"));
        }

        Path index(int index) {
            return new Path(text + "[" + index + "]");
        }

        static String quoted(String name) {
            String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
            return "\"" + VisibleText.of(shown.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
