package dev.userconsole.users.health;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.userconsole.config.Settings;
import dev.userconsole.users.output.TerminalSafeEscapes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code doctor --format json}: one JSON object, field names stable for scripts (documented in the README).
 * Every check is present, with count 0 when it found nothing. Control and text-direction characters of
 * stored values are escaped, as in every JSON output.
 */
public final class HealthJson {
    private static final JsonFactory JSON = new JsonFactory();

    private HealthJson() {
    }

    public static void write(HealthReport report, PrintWriter out) {
        try (JsonGenerator json = generator(out)) {
            json.writeStartObject();
            json.writeStringField("table", report.table());
            json.writeNumberField("scanned", report.scanned());
            json.writeBooleanField("complete", report.complete());
            json.writeBooleanField("healthy", report.healthy());
            json.writeNumberField("problems", report.problems());
            json.writeNumberField("minimumBcryptCost", Settings.MIN_BCRYPT_COST);
            counts(json, "revisions", report.revisions());
            json.writeArrayFieldStart("findings");
            for (Finding finding : report.findings()) {
                json.writeStartObject();
                json.writeStringField("check", finding.check().code());
                json.writeBooleanField("problem", finding.check().problem());
                json.writeStringField("title", finding.check().title());
                if (finding.check().fix() == null) {
                    json.writeNullField("fix");
                } else {
                    json.writeStringField("fix", finding.check().fix().code());
                }
                json.writeNumberField("count", finding.count());
                json.writeArrayFieldStart("users");
                for (Finding.Entry entry : finding.entries()) {
                    json.writeStartObject();
                    json.writeStringField("email", entry.email());
                    json.writeStringField("detail", entry.detail());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    public static void write(FixReport report, String table, PrintWriter out) {
        try (JsonGenerator json = generator(out)) {
            json.writeStartObject();
            json.writeStringField("table", table);
            json.writeStringField("fix", report.kind().code());
            counts(json, "counts", report.counts());
            json.writeArrayFieldStart("results");
            for (FixResult result : report.results()) {
                json.writeStartObject();
                json.writeStringField("email", result.email());
                json.writeStringField("outcome", result.outcome().code());
                json.writeStringField("detail", result.detail());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void counts(JsonGenerator json, String field, Map<String, Long> counts) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            json.writeNumberField(count.getKey(), count.getValue());
        }
        json.writeEndObject();
    }

    private static JsonGenerator generator(PrintWriter out) throws IOException {
        return JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .setCharacterEscapes(new TerminalSafeEscapes());
    }
}
