package dev.userconsole.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import dev.userconsole.text.VisibleText;
import dev.userconsole.text.Wrap;
import dev.userconsole.users.bulk.BulkReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** What a bulk action did: the counts, the users not done and why, and the whole report saved as CSV on request. */
final class BulkReportDialog {
    private static final int PROBLEMS_SHOWN = 12;

    private final ConsoleUi ui;
    private final BulkReport report;
    private final List<String> notes;
    private final BasicWindow window = new BasicWindow("Done");
    private final TextBox file;
    private final Label state = new Label("");

    /** @param notes said after the counts (where the new passwords are) */
    BulkReportDialog(ConsoleUi ui, BulkReport report, List<String> notes, String suggestedFile) {
        this.ui = ui;
        this.report = report;
        this.notes = notes;
        this.file = new TextBox(new TerminalSize(Math.max(20, Math.min(60, ui.width() - 10)), 1), suggestedFile);
    }

    void open() {
        Panel panel = new Panel(new LinearLayout());
        int width = Math.max(40, Math.min(76, ui.width() - 6));
        for (String line : lines()) {
            Wrap.lines(VisibleText.forScreen(line), width).forEach(wrapped -> panel.addComponent(new Label(wrapped)));
        }
        panel.addComponent(new EmptySpace());
        panel.addComponent(new Label("Save what happened to each user (CSV: email, outcome, detail) to:"));
        panel.addComponent(file);
        panel.addComponent(state);
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        Button close = new Button("Close", () -> ui.closeDialog(window));
        buttons.addComponent(close);
        buttons.addComponent(new Button("Save report", this::save));
        panel.addComponent(buttons);
        window.setComponent(panel);
        ui.openDialog(window, DialogKeys.FILE, this);
        close.takeFocus();
    }

    private List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(report.summary());
        List<String> problems = report.problems();
        if (!problems.isEmpty()) {
            lines.add("");
            lines.addAll(problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())));
            if (problems.size() > PROBLEMS_SHOWN) {
                lines.add("  ... and " + (problems.size() - PROBLEMS_SHOWN) + " more (in the saved report and the"
                        + " audit log)");
            }
        }
        if (!notes.isEmpty()) {
            lines.add("");
            lines.addAll(notes);
        }
        return lines;
    }

    /** A new file only: an earlier report is never overwritten. */
    private void save() {
        String name = file.getText().strip();
        if (name.isEmpty()) {
            state.setText("! Give a file name.");
            return;
        }
        Path path = Path.of(name);
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            report.writeCsv(out);
            state.setText("Saved the report to " + VisibleText.forScreen(name) + ".");
        } catch (FileAlreadyExistsException e) {
            state.setText("! That file exists; choose a new name.");
        } catch (IOException e) {
            state.setText("! Cannot write " + VisibleText.forScreen(name) + ": " + VisibleText.forScreen(
                    String.valueOf(e.getMessage())) + ".");
        }
    }
}
