package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.escape;
import static dev.userconsole.tui.KeyBinding.on;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.table.Table;
import com.googlecode.lanterna.gui2.table.TableModel;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.TrashEntry;
import dev.userconsole.users.bulk.BulkAction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The deleted users the trash keeps, newest first; Enter on one asks, then puts it back as it was. Space marks
 * users and b undeletes the marked ones after a preview, as the marks of Read users do.
 */
final class TrashDialog {
    static final Keymap<TrashDialog> KEYS = Keymap.of("Trash (deleted users)",
            described("Up/Down, PgUp/PgDn", "move through the deleted users, newest first").brief("move"),
            described("Enter", "undelete the chosen user, after asking (writes)").brief("undelete"),
            on(Key.ch(' '), "mark or unmark the chosen user", TrashDialog::toggleMark).brief("mark"),
            on(Key.ch('b'), "undelete the marked users, after a preview and their count typed back",
                    TrashDialog::undeleteMarked).writing().brief("undelete marked"),
            described("Tab", "to Close").helpOnly(),
            escape("back to the menu").brief("back"));

    private final ConsoleUi ui;
    private final Set<String> marked = new LinkedHashSet<>();
    private final Label heading = new Label("");
    private BasicWindow window;
    private List<TrashEntry> entries = List.of();
    private Table<String> table;

    TrashDialog(ConsoleUi ui) {
        this.ui = ui;
    }

    void open() {
        ui.backend().run("Reading the trash", users -> users.trashEntries(), this::show, ui::showError);
    }

    private void show(List<TrashEntry> shown) {
        entries = shown;
        window = new BasicWindow("Trash");
        Panel panel = new Panel(new LinearLayout());
        int width = Math.max(40, Math.min(76, ui.width() - 6));
        panel.addComponent(heading);
        drawHeading();
        Button close = new Button("Close", () -> ui.closeDialog(window));
        table = entries.isEmpty() ? null : table(window, entries, width);
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

    private void drawHeading() {
        heading.setText(entries.isEmpty() ? "The trash is empty: no deleted user is kept."
                : entries.size() + (entries.size() == 1 ? " deleted user" : " deleted users") + ", newest first"
                + (marked.isEmpty() ? "." : "; " + marked.size() + " marked (b undeletes them)."));
    }

    private void toggleMark() {
        if (table == null) {
            return;
        }
        int row = table.getSelectedRow();
        String email = entries.get(row).user().emailAddress();
        if (!marked.remove(email)) {
            marked.add(email);
        }
        String cell = table.getTableModel().getCell(0, row);
        table.getTableModel().setCell(0, row, (marked.contains(email) ? "*" : " ") + cell.substring(1));
        drawHeading();
    }

    private void undeleteMarked() {
        if (marked.isEmpty()) {
            ui.showMessage("Marks", "No deleted user is marked: Space marks the chosen one.");
            return;
        }
        List<String> emails = List.copyOf(marked);
        ui.unlessReadOnly(() -> new BulkDialog(ui, () -> {
            ui.closeDialog(window);
            ui.usersChanged();
        }).preview(users -> users.planBulk(BulkAction.UNDELETE, "marked deleted users", emails)));
    }

    private Table<String> table(BasicWindow window, List<TrashEntry> entries, int width) {
        int time = 19;
        int who = Math.min(18, width / 5);
        int email = Math.max(10, width - time - who - 4);
        int[] widths = {email, time, who};
        String[] headers = {"Email", "Deleted (UTC)", "By"};
        for (int i = 0; i < headers.length; i++) {
            headers[i] = VisibleText.fit(headers[i], widths[i]);
        }
        headers[0] = "  " + headers[0];
        Table<String> table = new Table<>(headers);
        TableModel<String> model = table.getTableModel();
        for (TrashEntry entry : entries) {
            String deleted = entry.deletedAt() == null ? "" : entry.deletedAt().replace('T', ' ');
            String[] cells = {entry.user().emailAddress(), deleted.length() > time ? deleted.substring(0, time) : deleted,
                    entry.deletedBy()};
            for (int i = 0; i < cells.length; i++) {
                cells[i] = VisibleText.fit(VisibleText.forScreen(cells[i]), widths[i]);
            }
            cells[0] = "  " + cells[0]; // the mark's column
            model.addRow(cells);
        }
        table.setVisibleRows(Math.min(model.getRowCount(), Math.max(3, ui.height() - 12)));
        table.setSelectAction(() -> ui.unlessReadOnly(() -> confirm(window, entries.get(table.getSelectedRow()))));
        return table;
    }

    private void confirm(BasicWindow trash, TrashEntry entry) {
        String email = entry.user().emailAddress();
        BasicWindow window = new BasicWindow("Undelete");
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label("Put " + VisibleText.forScreen(email) + " back into " + ui.place() + ","));
        panel.addComponent(new Label("exactly as it was when deleted (" + VisibleText.forScreen(entry.deletedAt())
                + ")?"));
        panel.addComponent(new EmptySpace());
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        Button cancel = new Button("Cancel", () -> ui.closeDialog(window));
        Button undelete = new Button("Undelete", () -> ui.backend().run("Undeleting user", users -> users.undelete(email),
                restored -> {
                    ui.closeDialog(window);
                    ui.closeDialog(trash);
                    ui.usersChanged();
                    ui.showWritten("Undeleted", restored, "Undeleted user " + VisibleText.forScreen(email)
                            + ", as it was when deleted.");
                }, error -> {
                    ui.closeDialog(window);
                    ui.showError(error);
                }));
        buttons.addComponent(undelete);
        buttons.addComponent(cancel);
        panel.addComponent(buttons);
        window.setComponent(panel);
        ui.openDialog(window, DialogKeys.CONFIRM, this);
        cancel.takeFocus();
    }
}
