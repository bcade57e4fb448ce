package dev.userconsole.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.CheckBox;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.text.ProgressText;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.ImportFile;
import dev.userconsole.users.ImportProgress;
import dev.userconsole.users.ImportReport;
import java.nio.file.Path;

/** Import users from a CSV or JSON Lines file, with a progress dialog that can cancel. */
final class ImportDialog {
    private static final int PROBLEMS_SHOWN = 5;

    private final ConsoleUi ui;
    private final BasicWindow window = new BasicWindow("Import users");
    private final TextBox file = new TextBox(new TerminalSize(50, 1));
    private final CheckBox failOnExisting = new CheckBox("Count existing emails as failures (default: skip them)");
    private final Label error = new Label("");

    ImportDialog(ConsoleUi ui) {
        this.ui = ui;
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label("Import users into " + ui.place() + "."));
        panel.addComponent(new Label("File (.csv with a header row, or .jsonl):"));
        panel.addComponent(file);
        panel.addComponent(new Label("Columns: email, firstName, lastName, password or passwordHash."));
        panel.addComponent(failOnExisting);
        panel.addComponent(error);
        panel.addComponent(new EmptySpace());
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        buttons.addComponent(new Button("Import", this::start));
        buttons.addComponent(new Button("Cancel", () -> ui.closeDialog(window)));
        panel.addComponent(buttons);
        window.setComponent(panel);
    }

    void open() {
        ui.openDialog(window, DialogKeys.FILE, this);
        file.takeFocus();
    }

    private void start() {
        Path path = Path.of(file.getText().strip());
        ImportFile rows;
        try {
            rows = ImportFile.open(path, null);
        } catch (ConsoleException e) {
            error.setText("! " + VisibleText.forScreen(e.getMessage()));
            return;
        }
        ImportProgress progress = new ImportProgress(ImportFile.countRows(path, null));
        long started = System.nanoTime();
        ProgressDialog dialog = new ProgressDialog(ui, "Importing " + path.getFileName(), () -> ProgressText.line(
                progress.done(), progress.total(), (System.nanoTime() - started) / 1e9, "rows") + ui.throttledNote(),
                progress::cancel);
        ui.closeDialog(window);
        dialog.open();
        boolean fail = failOnExisting.isChecked();
        ui.backend().run("Importing", users -> {
            try (rows) {
                return users.importUsers(rows, fail, progress);
            }
        }, report -> {
            dialog.close();
            ui.usersChanged();
            ui.showMessage(progress.isCancelled() ? "Import cancelled" : "Import finished", summary(report));
        }, e -> {
            dialog.close();
            ui.showError(e);
        });
    }

    private static String summary(ImportReport report) {
        StringBuilder text = new StringBuilder(String.format(
                "Imported %d, skipped %d (already existed), invalid %d, failed %d.", report.imported(),
                report.skipped(), report.invalid(), report.failed()));
        if (report.cancelled() > 0) {
            text.append("\nCancelled: ").append(report.cancelled()).append(" rows read were not written.");
        }
        report.problems().stream().limit(PROBLEMS_SHOWN).forEach(p -> text.append("\nline ").append(p.line())
                .append(": ").append(VisibleText.forScreen(p.reason())));
        if (report.problems().size() > PROBLEMS_SHOWN) {
            text.append("\n... and ").append(report.problems().size() - PROBLEMS_SHOWN)
                    .append(" more (the import command lists them all).");
        }
        return text.toString();
    }
}
