package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.escape;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.table.Table;
import com.googlecode.lanterna.gui2.table.TableModel;
import dev.userconsole.text.VisibleText;
import dev.userconsole.text.Wrap;
import dev.userconsole.users.audit.AuditEntry;
import dev.userconsole.users.audit.AuditHistory;
import dev.userconsole.users.output.HistoryWriter;

/** A user's audited actions, newest first; Enter shows one in full, Esc goes back to the details. */
final class HistoryDialog {
    /** Entries read for the console: the newest, a screenful many times over. */
    static final int LIMIT = 200;
    static final Keymap<HistoryDialog> KEYS = Keymap.of("History (from the details)",
            described("Up/Down, PgUp/PgDn", "move through the entries, newest first").brief("move"),
            described("Enter", "the chosen entry in full").brief("in full"),
            described("Tab", "to Close").helpOnly(),
            escape("back to the details").brief("back"));

    private final ConsoleUi ui;
    private final String email;

    HistoryDialog(ConsoleUi ui, String email) {
        this.ui = ui;
        this.email = email;
    }

    void open() {
        ui.backend().run("Reading the audit log", users -> users.history(email, LIMIT), this::show, ui::showError);
    }

    private void show(AuditHistory.Found found) {
        BasicWindow window = new BasicWindow("History of " + VisibleText.fit(VisibleText.forScreen(email), 40).strip());
        Panel panel = new Panel(new LinearLayout());
        int width = Math.max(40, Math.min(76, ui.width() - 6));
        int n = found.entries().size();
        String summary = found.file() == null ? "No audit log is kept here, so there is no history."
                : n == 0 ? "No audited action on this user in " + found.file() + "."
                : (found.wholeLog() ? n + (n == 1 ? " entry" : " entries") + ", newest first, from "
                : "The newest " + n + " entries, from ") + found.file() + ".";
        for (String line : Wrap.lines(VisibleText.forScreen(summary), width)) {
            panel.addComponent(new Label(line));
        }
        Button close = new Button("Close", () -> ui.closeDialog(window));
        Table<String> table = n == 0 ? null : entries(found, width);
        if (table != null) {
            panel.addComponent(new EmptySpace());
            panel.addComponent(table);
        }
        panel.addComponent(new EmptySpace());
        panel.addComponent(close);
        window.setComponent(panel);
        ui.openDialog(window, KEYS, this);
        if (table != null) {
            table.takeFocus();
        } else {
            close.takeFocus();
        }
    }

    private Table<String> entries(AuditHistory.Found found, int width) {
        int time = 19;
        int who = Math.min(18, width / 5);
        int action = 12;
        int outcome = 7;
        int detail = Math.max(8, width - time - who - action - outcome - 4);
        int[] widths = {time, who, action, outcome, detail};
        String[] headers = {"Time (UTC)", "Administrator", "Action", "Outcome", "Fields / problem"};
        for (int i = 0; i < headers.length; i++) {
            headers[i] = VisibleText.fit(headers[i], widths[i]);
        }
        Table<String> table = new Table<>(headers);
        TableModel<String> model = table.getTableModel();
        for (AuditEntry entry : found.entries()) {
            String[] cells = {HistoryWriter.shortTime(entry), HistoryWriter.administrator(entry), entry.action(),
                    entry.outcome(), HistoryWriter.detail(entry)};
            for (int i = 0; i < cells.length; i++) {
                cells[i] = VisibleText.fit(VisibleText.forScreen(cells[i]), widths[i]);
            }
            model.addRow(cells);
        }
        table.setVisibleRows(Math.min(model.getRowCount(), Math.max(3, ui.height() - 12)));
        table.setSelectAction(() -> inFull(found.entries().get(table.getSelectedRow())));
        return table;
    }

    private void inFull(AuditEntry entry) {
        ui.showMessage("Audit entry", String.join("\n",
                "Time:          " + entry.time(),
                "Administrator: " + HistoryWriter.administrator(entry),
                "Where:         " + entry.endpoint() + ", table " + entry.table(),
                "Action:        " + entry.action() + (entry.line() == null ? "" : " (line " + entry.line() + ")"),
                "Email:         " + entry.email(),
                "Outcome:       " + entry.outcome() + (entry.problem() == null ? "" : " (" + entry.problem() + ")"),
                "Fields:        " + (entry.fields().isEmpty() ? "none" : String.join(", ", entry.fields()))));
    }
}
