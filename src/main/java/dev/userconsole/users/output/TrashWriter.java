package dev.userconsole.users.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.TrashEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The trash's entries: aligned columns for people, or JSON Lines for scripts; never a hash. */
public final class TrashWriter {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int EMAIL = 32;
    private static final int TIME = 24;
    private static final int WHO = 22;
    private static final String GAP = "  ";

    private TrashWriter() {
    }

    public static void table(PrintWriter out, List<TrashEntry> entries) {
        out.println(row("email", "deleted at (UTC)", "deleted by", "kept until (UTC)", "name"));
        for (TrashEntry entry : entries) {
            out.println(row(VisibleText.of(entry.user().emailAddress()), VisibleText.of(entry.deletedAt()),
                    VisibleText.of(entry.deletedBy()), entry.expiresAt() == null ? "" : entry.expiresAt().toString(),
                    VisibleText.of(entry.user().firstName()) + " " + VisibleText.of(entry.user().lastName())
                            + (entry.user().locked() ? " (locked)" : "")));
        }
        out.flush();
    }

    private static String row(String email, String time, String who, String until, String name) {
        return (VisibleText.fit(email, EMAIL) + GAP + VisibleText.fit(time, TIME) + GAP + VisibleText.fit(who, WHO)
                + GAP + VisibleText.fit(until, TIME) + GAP + name).stripTrailing();
    }

    public static void jsonLines(PrintWriter out, List<TrashEntry> entries) {
        try {
            for (TrashEntry entry : entries) {
                try (JsonGenerator json = JSON.createGenerator(out)) {
                    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    json.writeStartObject();
                    json.writeStringField("emailAddress", entry.user().emailAddress());
                    json.writeStringField("firstName", entry.user().firstName());
                    json.writeStringField("lastName", entry.user().lastName());
                    json.writeBooleanField("locked", entry.user().locked());
                    json.writeStringField("deletedAt", entry.deletedAt());
                    json.writeStringField("deletedBy", entry.deletedBy());
                    json.writeStringField("keptUntil", entry.expiresAt() == null ? null : entry.expiresAt().toString());
                    json.writeEndObject();
                }
                out.println();
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
