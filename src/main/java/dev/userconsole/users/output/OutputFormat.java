package dev.userconsole.users.output;

import java.io.PrintWriter;

/** The formats of {@code list} and {@code get}. No format ever includes the password hash. */
public enum OutputFormat {
    TABLE, JSON, JSONL, CSV;

    /**
     * @param single whether exactly one user is written ({@code get}): JSON is then an object, not an array
     */
    public UserWriter writer(PrintWriter out, boolean single) {
        return switch (this) {
            case TABLE -> new TableUserWriter(out);
            case JSON -> new JsonUserWriter(out, single ? JsonUserWriter.Layout.OBJECT : JsonUserWriter.Layout.ARRAY,
                    false);
            case JSONL -> new JsonUserWriter(out, JsonUserWriter.Layout.LINES, false);
            case CSV -> new CsvUserWriter(out, false);
        };
    }

    /**
     * A writer for {@code export}: CSV or JSON Lines, with a {@code passwordHash} column when asked (the
     * column {@code import} reads back).
     */
    public UserWriter exportWriter(PrintWriter out, boolean includeHashes) {
        return switch (this) {
            case CSV -> new CsvUserWriter(out, includeHashes);
            case JSONL -> new JsonUserWriter(out, JsonUserWriter.Layout.LINES, includeHashes);
            default -> throw new IllegalArgumentException("export writes csv or jsonl, not " + this);
        };
    }
}
