package dev.userconsole.tui;

import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.LinkedHashMap;
import java.util.Map;

/** The main menu: the original app's four screens plus table management, each with a hotkey. */
final class MenuView implements View {
    private final Panel panel = new Panel(new LinearLayout());
    private final ActionListBox list = new ActionListBox();
    private final Map<Character, Runnable> hotkeys = new LinkedHashMap<>();

    MenuView(ConsoleUi ui) {
        String writes = ui.readOnly() ? "  (disabled: read-only)" : "";
        add('i', "Insert user" + writes, ui::insertUser);
        add('r', "Read users", ui::showUsers);
        add('u', "Update user" + writes, ui::updateUserByEmail);
        add('d', "Delete user" + writes, ui::deleteUserByEmail);
        add('c', "Create table" + writes, ui::createTable);
        add('t', "Table info", ui::tableInfo);
        add('m', "Import users from a file" + writes, ui::importUsers);
        add('x', "Export users to a file", ui::exportUsers);
        add('h', "Health report", ui::healthReport);
        add('s', "Switch connection (:)", ui::switchConnection);
        add('q', "Quit", ui::quit);
        panel.addComponent(new EmptySpace());
        panel.addComponent(new Label(" DynamoDB User Console"));
        panel.addComponent(new EmptySpace());
        panel.addComponent(list);
    }

    private void add(char key, String label, Runnable action) {
        hotkeys.put(key, action);
        list.addItem("  " + key + "   " + label, action);
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
        return "Up/Down + Enter, or the item's letter  ? help  q quit";
    }

    @Override
    public boolean onKey(KeyStroke key) {
        for (Map.Entry<Character, Runnable> hotkey : hotkeys.entrySet()) {
            if (Keys.isChar(key, hotkey.getKey())) {
                hotkey.getValue().run();
                return true;
            }
        }
        return false;
    }
}
