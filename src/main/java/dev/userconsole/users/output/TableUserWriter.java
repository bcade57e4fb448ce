package dev.userconsole.users.output;

import dev.userconsole.text.VisibleText;
import dev.userconsole.users.User;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Aligned columns for people. Column widths come from the first rows only, so a table of any size
 * streams; longer values later on are cut with an ellipsis.
 */
final class TableUserWriter implements UserWriter {
    private static final int ROWS_FOR_WIDTHS = 200;
    private static final int[] MAX_WIDTHS = {48, 24, 24, 24, 24, 6};
    private static final String GAP = "  ";

    private final PrintWriter out;
    private final List<String[]> pending = new ArrayList<>();
    private int[] widths;

    TableUserWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(User user) {
        String[] row = Stream.concat(Columns.VALUES.stream().map(f -> VisibleText.of(f.apply(user))),
                Stream.of(user.locked() ? Columns.LOCKED : "")).toArray(String[]::new);
        if (widths != null) {
            print(row);
            return;
        }
        pending.add(row);
        if (pending.size() >= ROWS_FOR_WIDTHS) {
            flushPending();
        }
    }

    @Override
    public void finish() {
        if (widths == null) {
            flushPending();
        }
        out.flush();
    }

    private void flushPending() {
        String[] header = Columns.names(false).toArray(String[]::new);
        widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            int widest = header[i].length();
            for (String[] row : pending) {
                widest = Math.max(widest, VisibleText.width(row[i]));
            }
            widths[i] = Math.min(widest, MAX_WIDTHS[i]);
        }
        print(header);
        String[] rule = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            rule[i] = "-".repeat(widths[i]);
        }
        print(rule);
        pending.forEach(this::print);
        pending.clear();
    }

    private void print(String[] row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            line.append(i == 0 ? "" : GAP).append(VisibleText.fit(row[i], widths[i]));
        }
        out.println(line.toString().stripTrailing());
    }
}
