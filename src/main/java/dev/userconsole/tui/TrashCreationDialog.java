package dev.userconsole.tui;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.TableCreation;
import dev.userconsole.users.TrashMissingException;

/** A delete, the trash or undelete found no trash table: explains it once and offers to create it; Cancel first. */
final class TrashCreationDialog {
    private final ConsoleUi ui;
    private final TrashMissingException missing;
    private final BasicWindow window = new BasicWindow("No trash table");

    TrashCreationDialog(ConsoleUi ui, TrashMissingException missing) {
        this.ui = ui;
        this.missing = missing;
    }

    void open() {
        String table = VisibleText.forScreen(missing.table());
        Panel panel = new Panel(new LinearLayout());
        for (String line : ErrorDialog.wrap("The trash table " + table + " does not exist, so nothing changed."
                + " Deletes keep each user there first, so that undelete can put it back. Create " + table
                + " now, in the capacity mode of the users table?")) {
            panel.addComponent(new Label(line));
        }
        panel.addComponent(new EmptySpace());
        Label state = new Label("");
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        Button create = new Button("Create the trash table");
        Button cancel = new Button("Cancel", () -> ui.closeDialog(window));
        create.addListener(b -> create(state, create, cancel));
        buttons.addComponent(create);
        buttons.addComponent(cancel);
        panel.addComponent(buttons);
        panel.addComponent(state);
        window.setComponent(panel);
        ui.openDialog(window, DialogKeys.CONFIRM, this);
        cancel.takeFocus();
    }

    private void create(Label state, Button... buttons) {
        for (Button button : buttons) {
            button.setEnabled(false);
        }
        state.setText("Creating the trash table and waiting until it is ACTIVE...");
        ui.backend().run("Creating the trash table", users -> users.createTrashTable(), (TableCreation created) -> {
            ui.closeDialog(window);
            ui.showMessage("Trash table", created.sentences().get(1) + "\n\nNothing else changed: do again what"
                    + " needed it.");
        }, error -> {
            ui.closeDialog(window);
            ui.showError(error);
        });
    }
}
