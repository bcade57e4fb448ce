package dev.userconsole.tui;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import dev.userconsole.users.TableCreation;
import dev.userconsole.users.TableSummary;
import java.util.Optional;

/** Create table: shows the current state; when missing, offers provisioned 5/5 or on demand. */
final class CreateTableDialog {
    private final ConsoleUi ui;

    CreateTableDialog(ConsoleUi ui) {
        this.ui = ui;
    }

    void open() {
        ui.backend().run("Reading table status", users -> users.describeTable(), this::show, ui::showError);
    }

    private void show(Optional<TableSummary> existing) {
        if (existing.isPresent()) {
            // the trash may still be missing: creating it is idempotent
            ui.backend().run("Creating the trash table", users -> users.createTrashTable(),
                    (TableCreation created) -> ui.showMessage("Create table", String.join("\n", created.sentences())),
                    ui::showError);
            return;
        }
        BasicWindow window = new BasicWindow("Create table");
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label("The " + ui.place() + " does not exist yet. Create it with:"));
        panel.addComponent(new EmptySpace());
        Label state = new Label("");
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        Button provisioned = new Button("Provisioned 5/5");
        Button onDemand = new Button("On demand");
        Button cancel = new Button("Cancel", () -> ui.closeDialog(window));
        provisioned.addListener(b -> create(window, state, false, provisioned, onDemand));
        onDemand.addListener(b -> create(window, state, true, provisioned, onDemand));
        buttons.addComponent(provisioned);
        buttons.addComponent(onDemand);
        buttons.addComponent(cancel);
        panel.addComponent(buttons);
        panel.addComponent(state);
        window.setComponent(panel);
        ui.openDialog(window, DialogKeys.CONFIRM, this);
        provisioned.takeFocus();
    }

    private void create(BasicWindow window, Label state, boolean onDemand, Button... buttons) {
        if (!buttons[0].isEnabled()) {
            return;
        }
        for (Button button : buttons) {
            button.setEnabled(false);
        }
        state.setText("Creating the table and waiting until it is ACTIVE...");
        ui.backend().run("Creating table", users -> users.createTable(onDemand), (TableCreation created) -> {
            ui.closeDialog(window);
            ui.refreshStatus();
            ui.showMessage("Create table", String.join("\n", created.sentences()));
        }, e -> {
            ui.closeDialog(window);
            ui.showError(e);
        });
    }
}
