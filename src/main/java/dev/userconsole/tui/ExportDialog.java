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
import dev.userconsole.text.ProgressText;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.UserController;
import dev.userconsole.users.UserExporter;
import dev.userconsole.users.output.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Export users (every user, or the marked ones of Read users) to a new file, with a progress dialog; a cancelled
 * export removes its partial file.
 */
final class ExportDialog {
    /** Which users an export writes. */
    @FunctionalInterface
    interface Chosen {
        UserExporter exporter(UserController users, OutputFormat format, boolean includeHashes);
    }

    private final ConsoleUi ui;
    private final BasicWindow window;
    private final Chosen chosen;
    private final TextBox file = new TextBox(new TerminalSize(50, 1));
    private final CheckBox csv = new CheckBox("CSV (default: JSON Lines, which keeps every value exactly)");
    private final CheckBox hashes = new CheckBox("Include password hashes (the file is then private to you)");
    private final Label error = new Label("");

    ExportDialog(ConsoleUi ui) {
        this(ui, "Export users", (users, format, hashes) -> new UserExporter(users, format, hashes,
                users.defaultScanSegments()));
    }

    ExportDialog(ConsoleUi ui, String title, Chosen chosen) {
        this.ui = ui;
        this.window = new BasicWindow(title);
        this.chosen = chosen;
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label("New file to write:"));
        panel.addComponent(file);
        panel.addComponent(csv);
        panel.addComponent(hashes);
        panel.addComponent(error);
        panel.addComponent(new EmptySpace());
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        buttons.addComponent(new Button("Export", this::start));
        buttons.addComponent(new Button("Cancel", () -> ui.closeDialog(window)));
        panel.addComponent(buttons);
        window.setComponent(panel);
    }

    void open() {
        ui.openDialog(window, DialogKeys.FILE, this);
        file.takeFocus();
    }

    private void start() {
        String name = file.getText().strip();
        if (name.isEmpty() || Files.exists(Path.of(name))) {
            error.setText(name.isEmpty() ? "! Give a file name." : "! That file exists; choose a new name.");
            return;
        }
        Path path = Path.of(name);
        OutputFormat format = csv.isChecked() ? OutputFormat.CSV : OutputFormat.JSONL;
        boolean withHashes = hashes.isChecked();
        AtomicLong done = new AtomicLong();
        AtomicBoolean cancelled = new AtomicBoolean();
        long started = System.nanoTime();
        ProgressDialog dialog = new ProgressDialog(ui, "Exporting to " + path.getFileName(), () -> ProgressText.line(
                done.get(), 0, (System.nanoTime() - started) / 1e9, "users") + ui.throttledNote(),
                () -> cancelled.set(true));
        ui.closeDialog(window);
        dialog.open();
        ui.backend().run("Exporting", users -> chosen.exporter(users, format, withHashes)
                .exportTo(path, done, cancelled::get), count -> {
                    dialog.close();
                    if (cancelled.get()) {
                        deleteQuietly(path);
                        ui.showMessage("Export cancelled", "Export cancelled; the partial file was removed.");
                    } else {
                        ui.showMessage("Export finished", "Exported " + count + (count == 1 ? " user" : " users")
                                + " to " + VisibleText.forScreen(path.toString()) + (withHashes ? " (owner-only file)." : "."));
                    }
                }, e -> {
                    dialog.close();
                    ui.showError(e);
                });
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // nothing more to do: the message says what happened
        }
    }
}
