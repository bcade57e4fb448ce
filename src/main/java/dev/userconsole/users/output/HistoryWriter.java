package dev.userconsole.users.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.audit.AuditEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A user's history: aligned columns for people, or a JSON array for scripts. */
public final class HistoryWriter {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int TIME = 24;
    private static final int WHO = 22;
    private static final int ACTION = 14;
    private static final int OUTCOME = 7;
    private static final String GAP = "  ";

    private HistoryWriter() {
    }

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** The entry's time in UTC to the millisecond ("2026-12-02T19:03:06.564Z"); an odd value as it is. */
    public static String time(AuditEntry entry) {
        return formatted(entry, MILLIS);
    }

    /** The entry's time in UTC to the second ("2026-12-02 19:03:06"), for narrow screens. */
    public static String shortTime(AuditEntry entry) {
        return formatted(entry, SECONDS);
    }

    private static String formatted(AuditEntry entry, DateTimeFormatter format) {
        try {
            return format.format(Instant.parse(entry.time()));
        } catch (DateTimeParseException e) {
            return VisibleText.of(entry.time());
        }
    }

    /** "ann@host1": who ran the program, where. */
    public static String administrator(AuditEntry entry) {
        return VisibleText.of(entry.administrator()) + "@" + VisibleText.of(entry.host());
    }

    /** What changed or why not: "firstName, password", "NOT_FOUND", "line 12". */
    public static String detail(AuditEntry entry) {
        StringBuilder detail = new StringBuilder(VisibleText.of(String.join(", ", entry.fields())));
        if (entry.line() != null) {
            detail.append(detail.length() == 0 ? "" : "; ").append("line ").append(entry.line());
        }
        if (entry.problem() != null) {
            detail.append(detail.length() == 0 ? "" : "; ").append(VisibleText.of(entry.problem()));
        }
        return detail.toString();
    }

    public static void table(PrintWriter out, List<AuditEntry> entries) {
        out.println(row("time (UTC)", "administrator", "action", "outcome", "fields / problem"));
        for (AuditEntry entry : entries) {
            out.println(row(time(entry), administrator(entry), VisibleText.of(entry.action()),
                    VisibleText.of(entry.outcome()), detail(entry)));
        }
        out.flush();
    }

    private static String row(String time, String who, String action, String outcome, String detail) {
        return (VisibleText.fit(time, TIME) + GAP + VisibleText.fit(who, WHO) + GAP + VisibleText.fit(action, ACTION)
                + GAP + VisibleText.fit(outcome, OUTCOME) + GAP + detail).stripTrailing();
    }

    public static void json(PrintWriter out, List<AuditEntry> entries) {
        try (JsonGenerator json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .setCharacterEscapes(new TerminalSafeEscapes())) {
            json.writeStartArray();
            for (AuditEntry entry : entries) {
                json.writeStartObject();
                json.writeStringField("time", entry.time());
                optional(json, "user", entry.administrator());
                optional(json, "host", entry.host());
                optional(json, "endpoint", entry.endpoint());
                optional(json, "table", entry.table());
                json.writeStringField("action", entry.action());
                optional(json, "email", entry.email());
                if (entry.line() != null) {
                    json.writeNumberField("line", entry.line());
                }
                json.writeStringField("outcome", entry.outcome());
                optional(json, "problem", entry.problem());
                json.writeArrayFieldStart("fields");
                for (String field : entry.fields()) {
                    json.writeString(field);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    private static void optional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
