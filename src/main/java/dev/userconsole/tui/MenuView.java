package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.on;

import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.input.KeyStroke;

/** The main menu: the original app's four screens plus table management, each with a hotkey. */
final class MenuView implements View {
    static final Keymap<ConsoleUi> KEYS = Keymap.of("Main menu",
            on(Key.ch('i'), "Insert user", ConsoleUi::insertUser).writing().helpOnly(),
            on(Key.ch('r'), "Read users", (ConsoleUi ui) -> ui.showUsers()).helpOnly(),
            on(Key.ch('u'), "Update user", ConsoleUi::updateUserByEmail).writing().helpOnly(),
            on(Key.ch('d'), "Delete user", ConsoleUi::deleteUserByEmail).writing().helpOnly(),
            on(Key.ch('c'), "Create table", ConsoleUi::createTable).writing().helpOnly(),
            on(Key.ch('t'), "Table info", ConsoleUi::tableInfo).helpOnly(),
            on(Key.ch('m'), "Import users from a file", ConsoleUi::importUsers).writing().helpOnly(),
            on(Key.ch('x'), "Export users to a file", ConsoleUi::exportUsers).helpOnly(),
            on(Key.ch('h'), "Health report", ConsoleUi::healthReport).helpOnly(),
            on(Key.ch('z'), "Trash: deleted users, undelete", ConsoleUi::trash).helpOnly(),
            on(Key.ch('s'), "Switch connection (:)", ConsoleUi::switchConnection).helpOnly(),
            described("Up/Down, Enter", "choose; or press the item's letter").brief("choose, or a letter"),
            on(Key.ch('q'), "Quit", ConsoleUi::quit));

    private final ConsoleUi ui;
    private final Panel panel = new Panel(new LinearLayout());
    private final ActionListBox list = new ActionListBox();

    MenuView(ConsoleUi ui) {
        this.ui = ui;
        KEYS.addItems(list, ui, ui);
        panel.addComponent(new EmptySpace());
        panel.addComponent(new Label(" DynamoDB User Console"));
        panel.addComponent(new EmptySpace());
        panel.addComponent(list);
    }

    @Override
    public void focus() {
        list.takeFocus();
    }

    @Override
    public Component component() {
        return panel;
    }

    @Override
    public String hints() {
        return KEYS.hints(ui, ui.readOnly());
    }

    @Override
    public boolean onKey(KeyStroke key) {
        return KEYS.handle(key, ui, ui);
    }
}
