package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.on;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyStroke;
import dev.userconsole.text.ProgressText;
import dev.userconsole.text.VisibleText;
import dev.userconsole.text.Wrap;
import dev.userconsole.users.health.FixKind;
import dev.userconsole.users.health.FixPlan;
import dev.userconsole.users.health.HealthReport;
import dev.userconsole.users.health.HealthText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The health report: scans the table (asked first when it is over 100 MB; progress while it runs; leaving
 * the screen cancels it), shows what it found, and offers each fix that has users to act on (confirmed in {@link HealthFixDialog}).
 */
final class HealthView implements View {
    private static final int SHOWN = 20;

    static final Keymap<HealthView> KEYS = Keymap.of("Health report",
            described("Up/Down, Enter", "choose a fix and apply it (it is previewed and confirmed first)")
                    .brief("fix"),
            described("Tab", "to the report, which scrolls with Up/Down").brief("report"),
            on(Key.ch('r'), "scan again", HealthView::scan),
            on("Esc, q", "back to the menu", (HealthView view) -> view.ui.showMenu(), Key.ESCAPE, Key.ch('q'))
                    .brief("back"));

    private final ConsoleUi ui;
    private final Panel panel = new Panel(new LinearLayout());
    private final Label state = new Label("");
    private final TextBox text;
    private final ActionListBox fixes = new ActionListBox();
    private AtomicBoolean cancelled = new AtomicBoolean();
    private Runnable tick;
    private boolean started;

    HealthView(ConsoleUi ui) {
        this.ui = ui;
        text = new TextBox(new TerminalSize(Math.max(20, ui.width() - 2), Math.max(3, ui.height() - 9)), "",
                TextBox.Style.MULTI_LINE);
        text.setReadOnly(true);
        panel.addComponent(state);
        panel.addComponent(text);
        panel.addComponent(fixes);
    }

    @Override
    public void onShow() {
        if (!started) {
            started = true;
            askThenScan();
        }
    }

    /** A table of more than 100 MB says what the scan costs and asks first, as the filter does. */
    private void askThenScan() {
        state.setText("Reading the table's size...");
        ui.backend().run("Reading the table's size", users -> users.largeScanCost(false), cost -> {
            if (cost.isEmpty()) {
                scan();
            } else {
                new LargeScanDialog(ui, cost.get(), this::scan, ui::showMenu).open();
            }
        }, error -> scan()); // the scan itself will say what is wrong
    }

    @Override
    public void onHide() {
        cancelled.set(true);
        stopTicking();
    }

    /** Scans the table beside the database thread, so other work is not held up behind it. */
    void scan() {
        cancelled.set(true);
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        fixes.clearItems();
        text.setText("");
        AtomicLong scanned = new AtomicLong();
        long begun = System.nanoTime();
        stopTicking();
        tick = () -> state.setText(VisibleText.forScreen("Scanning " + ui.place() + ": "
                + ProgressText.line(scanned.get(), 0, (System.nanoTime() - begun) / 1e9, "items")
                + ui.throttledNote()));
        tick.run();
        ui.onTick(tick);
        ui.backend().runBeside("Scanning", users -> users.healthReport(users.defaultScanSegments(), scanned, stop::get),
                report -> {
                    if (!stop.get()) {
                        stopTicking();
                        show(report);
                    }
                }, e -> {
                    stopTicking();
                    state.setText("The scan stopped.");
                    ui.showError(e);
                });
    }

    private void stopTicking() {
        if (tick != null) {
            ui.removeTick(tick);
            tick = null;
        }
    }

    private void show(HealthReport report) {
        state.setText(VisibleText.forScreen(report.healthy() ? "Healthy: no problems in " + ui.place() + "."
                : report.problems() + " problems in " + ui.place() + ". Choose a fix below, or r to scan again."));
        text.setText(HealthText.report(report, SHOWN, "(doctor --all lists every one)").stream()
                .map(VisibleText::forScreen).flatMap(line -> indented(line, Math.max(30, ui.width() - 4)).stream())
                .collect(Collectors.joining("\n")));
        fixes.clearItems();
        String writes = ui.readOnly() ? "  (disabled: read-only)" : "";
        for (FixKind kind : FixKind.values()) {
            FixPlan plan = report.plan(kind);
            if (!plan.isEmpty()) {
                fixes.addItem(kind.title() + ": " + plan.targets().size()
                        + (plan.targets().size() == 1 ? " user" : " users") + writes, () -> ui.fixHealth(plan, this));
            }
        }
        fixes.addItem("Scan again", this::scan);
        fixes.takeFocus();
    }

    /** Wrapped to the box, keeping the line's indentation (continuations two further in). */
    private static List<String> indented(String line, int width) {
        String rest = line.stripLeading();
        String indent = " ".repeat(line.length() - rest.length());
        List<String> parts = Wrap.lines(rest, width - indent.length() - 2);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            lines.add((i == 0 ? indent : indent + "  ") + parts.get(i));
        }
        return lines.isEmpty() ? List.of("") : lines;
    }

    @Override
    public Component component() {
        return panel;
    }

    @Override
    public void focus() {
        fixes.takeFocus();
    }

    @Override
    public String hints() {
        return KEYS.hints(this, ui.readOnly());
    }

    @Override
    public boolean onKey(KeyStroke key) {
        return KEYS.handle(key, this, ui);
    }
}
