package dev.userconsole.users.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.userconsole.users.StoredUser;
import dev.userconsole.users.User;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/** JSON (an array, or one object) and JSON Lines; missing attributes are left out; {@code locked} is a boolean. */
final class JsonUserWriter implements UserWriter {
    enum Layout { ARRAY, OBJECT, LINES }

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final CharacterEscapes ESCAPES = new TerminalSafeEscapes();

    private final JsonGenerator json;
    private final PrintWriter out;
    private final Layout layout;
    private final boolean includeHashes;

    JsonUserWriter(PrintWriter out, Layout layout, boolean includeHashes) {
        this.out = out;
        this.layout = layout;
        this.includeHashes = includeHashes;
        try {
            json = FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .setCharacterEscapes(ESCAPES);
            if (layout == Layout.LINES) {
                json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            }
            if (layout == Layout.ARRAY) {
                json.writeStartArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(User user) {
        write(new StoredUser(user, null));
    }

    @Override
    public void write(StoredUser stored) {
        User user = stored.user();
        try {
            json.writeStartObject();
            List<String> names = Columns.NAMES;
            List<Function<User, String>> values = Columns.VALUES;
            for (int i = 0; i < names.size(); i++) {
                String value = values.get(i).apply(user);
                if (value != null) {
                    json.writeStringField(names.get(i), value);
                }
            }
            json.writeBooleanField(Columns.LOCKED, user.locked());
            if (includeHashes && stored.passwordHash() != null) {
                json.writeStringField(Columns.HASH, stored.passwordHash());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        try {
            if (layout == Layout.ARRAY) {
                json.writeEndArray();
            }
            json.close();
            if (layout != Layout.LINES || json.getOutputContext().getEntryCount() > 0) {
                out.println();
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
