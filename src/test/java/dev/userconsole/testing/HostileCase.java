package dev.userconsole.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One case of the hostile input catalog ({@code src/test/resources/hostile-inputs.jsonl}). Strings in the
 * file may hold {@code {{repeat:N:TEXT}}}, expanded to TEXT written N times, to keep large values small.
 */
public record HostileCase(String id, String kind, JsonNode node) {
    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(\\d+):(.+?)}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Stream<HostileCase> all() {
        try (InputStream in = HostileCase.class.getResourceAsStream("/hostile-inputs.jsonl")) {
            List<HostileCase> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    cases.add(new HostileCase(node.get("id").asText(), node.get("kind").asText(), node));
                }
            }
            return cases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Stream<HostileCase> forConsole(String kind) {
        return all().filter(c -> c.kind.equals(kind) && c.node.path("tui").asBoolean());
    }

    public static String expand(String text) {
        Matcher m = REPEAT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A string field of the case ("input.firstName"), expanded; empty when the case does not have it. */
    public Optional<String> text(String path) {
        JsonNode at = node;
        for (String part : path.split("\\.")) {
            at = at.path(part);
        }
        return at.isTextual() ? Optional.of(expand(at.asText())) : Optional.empty();
    }

    public Optional<Integer> number(String path) {
        JsonNode at = node;
        for (String part : path.split("\\.")) {
            at = at.path(part);
        }
        return at.isInt() ? Optional.of(at.asInt()) : Optional.empty();
    }

    public List<String> texts(String path) {
        List<String> values = new ArrayList<>();
        node.path("expect").path(path).forEach(n -> values.add(expand(n.asText())));
        return values;
    }

    /** The expected stored attributes ({@code expect.stored}), by name. */
    public Map<String, String> storedStrings() {
        Map<String, String> values = new LinkedHashMap<>();
        node.path("expect").path("stored").fields().forEachRemaining(e -> values.put(e.getKey(), expand(e.getValue().asText())));
        return values;
    }

    /** The raw item of a stored case, from DynamoDB JSON. */
    public Map<String, AttributeValue> item() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        node.get("item").fields().forEachRemaining(e -> item.put(e.getKey(), attribute(e.getValue())));
        return item;
    }

    private static AttributeValue attribute(JsonNode typed) {
        Map.Entry<String, JsonNode> only = typed.fields().next();
        JsonNode v = only.getValue();
        return switch (only.getKey()) {
            case "S" -> AttributeValue.fromS(expand(v.asText()));
            case "N" -> AttributeValue.fromN(v.asText());
            case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
            case "SS" -> AttributeValue.fromSs(strings(v));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                v.forEach(e -> list.add(attribute(e)));
                yield AttributeValue.fromL(list);
            }
            case "M" -> {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                v.fields().forEachRemaining(e -> map.put(e.getKey(), attribute(e.getValue())));
                yield AttributeValue.fromM(map);
            }
            default -> throw new IllegalArgumentException("unknown DynamoDB type " + only.getKey());
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(expand(n.asText())));
        return values;
    }

    @Override
    public String toString() {
        return id;
    }
}
