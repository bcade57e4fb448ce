package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.on;

import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.table.Table;
import com.googlecode.lanterna.gui2.table.TableModel;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.VisibleText;
import dev.userconsole.text.Wrap;
import dev.userconsole.users.User;
import dev.userconsole.users.UserDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Enter on a user in the list: the whole account as stored (every attribute, the password described, never
 * shown) and what to do with it. Esc goes back to the list, its selection kept.
 */
final class UserDetailsDialog {
    private static final int MAX_NAME = 18;
    private static final int TYPE = 4;

    /** The actions are the list's items too; a write closes the details first (they are out of date after it). */
    static final Keymap<UserDetailsDialog> KEYS = Keymap.of("User details (Enter in Read users)",
            described("Up/Down, Enter", "choose an action, or press its letter").brief("choose"),
            described("Tab", "to the attributes; Enter shows one in full").brief("attributes"),
            on(Key.ch('u'), "Update", (UserDetailsDialog d) -> d.closeThen(d.ui::updateUser)).writing().helpOnly(),
            on(Key.ch('d'), "Delete", (UserDetailsDialog d) -> d.closeThen(d.ui::deleteUser)).writing().helpOnly(),
            on(Key.ch('l'), "Lock", (UserDetailsDialog d) -> d.closeThen(d.ui::lockUser)).writing().helpOnly()
                    .onlyWhen(d -> !d.user.locked()),
            on(Key.ch('l'), "Unlock", (UserDetailsDialog d) -> d.closeThen(d.ui::unlockUser)).writing().helpOnly()
                    .onlyWhen(d -> d.user.locked()),
            on(Key.ch('p'), "Reset password", (UserDetailsDialog d) -> d.closeThen(d.ui::resetPassword)).writing()
                    .helpOnly(),
            on(Key.ch('h'), "History", UserDetailsDialog::history).helpOnly(),
            on(Key.ESCAPE, "Close", UserDetailsDialog::close).brief("back"));

    private final ConsoleUi ui;
    private final BasicWindow window = new BasicWindow("User");
    private final Panel stored = new Panel(new LinearLayout());
    private final ActionListBox actions = new ActionListBox();
    private final List<UserDetails.Attribute> rows = new ArrayList<>();
    private final int width;
    /** The user acted on: as listed until what is stored has been read. */
    private User user;
    private UserDetails details;

    /** Opens at once with the user as listed (the actions work already) and reads what is stored beside. */
    private UserDetailsDialog(ConsoleUi ui, User listed) {
        this.ui = ui;
        this.user = listed;
        this.width = Math.max(30, Math.min(76, ui.width() - 6));
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label(VisibleText.fit(VisibleText.forScreen(listed.emailAddress()), width)));
        stored.addComponent(new Label("Reading what is stored..."));
        panel.addComponent(stored);
        panel.addComponent(new EmptySpace());
        panel.addComponent(actions);
        fillActions();
        window.setComponent(panel);
    }

    /** Opens the details of a user of the list over it; Esc goes back to the list. */
    static void open(ConsoleUi ui, User listed) {
        UserDetailsDialog dialog = new UserDetailsDialog(ui, listed);
        dialog.show();
        ui.backend().run("Reading user", users -> users.details(listed.emailAddress()), dialog::read, dialog::unread);
    }

    private void read(UserDetails read) {
        details = read;
        user = read.user();
        stored.removeAllComponents();
        stored.addComponent(new Label("Password: " + read.password().describe() + " (never shown)"));
        stored.addComponent(new EmptySpace());
        stored.addComponent(attributes(width, Math.max(3, ui.height() - 10 - actions.getItemCount())));
        fillActions();
    }

    private void unread(ConsoleException e) {
        if (e.problem() == Problem.NOT_FOUND) {
            ui.closeDialog(window);
            ui.usersChanged();
            ui.showError(e);
            return;
        }
        // reading may be denied where writing is not: the actions stay at hand
        stored.removeAllComponents();
        for (String line : Wrap.lines(VisibleText.forScreen("Could not read what is stored: " + e.getMessage()), width)) {
            stored.addComponent(new Label(line));
        }
    }

    /** The actions offered for the user as listed, then as stored once read. */
    private void fillActions() {
        int selected = Math.max(0, actions.getSelectedIndex());
        actions.clearItems();
        KEYS.addItems(actions, this, ui);
        actions.setSelectedIndex(Math.min(selected, actions.getItemCount() - 1));
    }

    private void closeThen(Consumer<User> write) {
        close();
        write.accept(user);
    }

    private void close() {
        ui.closeDialog(window);
    }

    private void history() {
        new HistoryDialog(ui, user.emailAddress()).open();
    }

    /** Every attribute, a row each (an instant gets two more: UTC and local); Enter shows a row in full. */
    private Table<String> attributes(int width, int visible) {
        int name = Math.min(MAX_NAME, Math.max(9, details.attributes().stream()
                .mapToInt(a -> VisibleText.width(VisibleText.forScreen(a.name()))).max().orElse(9)));
        int value = Math.max(10, width - name - TYPE - 2);
        Table<String> table = new Table<>(VisibleText.fit("Attribute", name), VisibleText.fit("Type", TYPE),
                VisibleText.fit("Value", value));
        TableModel<String> model = table.getTableModel();
        for (UserDetails.Attribute attribute : details.attributes()) {
            model.addRow(VisibleText.fit(VisibleText.forScreen(attribute.name()), name),
                    VisibleText.fit(attribute.type(), TYPE),
                    VisibleText.fit(VisibleText.forScreen(attribute.value()), value));
            rows.add(attribute);
            if (attribute.time() != null) {
                model.addRow(VisibleText.fit("", name), VisibleText.fit("", TYPE),
                        VisibleText.fit("UTC   " + attribute.time().utc(), value));
                model.addRow(VisibleText.fit("", name), VisibleText.fit("", TYPE),
                        VisibleText.fit("local " + attribute.time().local(), value));
                rows.add(attribute);
                rows.add(attribute);
            }
        }
        table.setVisibleRows(Math.min(visible, model.getRowCount()));
        table.setSelectAction(() -> showInFull(rows.get(table.getSelectedRow())));
        return table;
    }

    private void showInFull(UserDetails.Attribute attribute) {
        StringBuilder text = new StringBuilder(attribute.isString() ? "" : "Type: " + attribute.type() + "\n");
        text.append(attribute.value());
        if (attribute.time() != null) {
            text.append("\nUTC:   ").append(attribute.time().utc()).append("\nlocal: ").append(attribute.time().local());
        }
        ui.showMessage(attribute.name(), text.toString());
    }

    private void show() {
        ui.openDialog(window, KEYS, this);
        actions.takeFocus();
    }

}
