package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.on;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BorderLayout;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.table.Table;
import com.googlecode.lanterna.gui2.table.TableModel;
import com.googlecode.lanterna.input.KeyStroke;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.CapacityUsed;
import dev.userconsole.users.User;
import dev.userconsole.users.UserExporter;
import dev.userconsole.users.UserPage;
import dev.userconsole.users.query.Query;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Read users: draws the {@link BrowserModel} (a scrolling table that shows the first page as soon as it
 * arrives and loads pages as the selection nears either end of what is held; a filter that scans the whole
 * table beside the paging and shows matches as they stream in) and maps keys to it. The reads it starts go
 * through the backend; what they bring goes into the model, then onto the screen.
 */
final class UserBrowserView implements View {
    /** Users per scan request: a few screenfuls, so the first one appears quickly. */
    static final int PAGE_SIZE = 100;
    /** Pages kept in memory at once. */
    static final int WINDOW_PAGES = 5;
    /** Matches a filter keeps; a filter that matches more asks to be narrowed. */
    static final int MAX_MATCHES = 2000;
    private static final String[] COLUMNS = BrowserModel.COLUMNS;
    /** The "Locked" column: its header's width, and one column of space before it. */
    private static final int LOCKED_WIDTH = 6;

    static final Keymap<UserBrowserView> KEYS = Keymap.of("Read users",
            described("Up/Down", "move (more users load as you scroll)").helpOnly(),
            described("PgUp/PgDn", "a page up or down").helpOnly(),
            described("Home/End", "first or last loaded user").helpOnly(),
            described("Enter", "details: every attribute; Update, Delete, Lock, Reset, History")
                    .brief("details"),
            on(Key.ch('/'), "filter: words, email: domain: created: locked: hash:, -, OR", UserBrowserView::editFilter).brief("filter"),
            on(Key.ch(' '), "mark or unmark the chosen user (the summary line counts them)",
                    UserBrowserView::toggleMark).helpOnly(),
            on(Key.ch('*'), "mark every match of the filter (also those not loaded yet)", UserBrowserView::markEveryMatch)
                    .helpOnly(),
            on(Key.ch('u'), "clear the marks", UserBrowserView::clearMarks).helpOnly(),
            on(Key.ch('b'), "act on the marked users: delete, lock, unlock or reset passwords, after a preview",
                    UserBrowserView::actOnMarks).writing().helpOnly(),
            on(Key.ch('x'), "export the marked users to a new file (CSV or JSON Lines)", UserBrowserView::exportMarks)
                    .helpOnly(),
            on(Key.ch('y'), "copy the chosen user's email to your clipboard (OSC 52, through SSH too)",
                    UserBrowserView::copyEmail).helpOnly(),
            on(Key.ch('s'), "sort by the next column", UserBrowserView::nextSortColumn).brief("sort"),
            on(Key.ch('S'), "reverse the order", UserBrowserView::reverseOrder).helpOnly(),
            on(Key.ch('r'), "reload from the database", UserBrowserView::reload).brief("reload"),
            on(Key.ch('i'), "insert a user", (UserBrowserView view) -> view.ui.insertUser()).brief("insert")
                    .writing(),
            on(Key.ESCAPE, "back to the menu", (UserBrowserView view) -> view.ui.showMenu()).brief("back"),
            on(Key.ch('q'), "back to the menu", (UserBrowserView view) -> view.ui.showMenu()).helpOnly());

    /** While the filter is being typed in: the other keys type into it. */
    static final Keymap<UserBrowserView> FILTER_KEYS = Keymap.of("Read users: typing a filter",
            described("text", "matches emails and names as you type (the whole table is scanned)").helpOnly(),
            on(Key.ENTER, "keep the filter", UserBrowserView::keepFilter),
            on(Key.ESCAPE, "clear the filter", UserBrowserView::clearFilter));

    private final ConsoleUi ui;
    private final int prefetchRows;
    private final BrowserModel model;
    private final Panel panel = new Panel(new BorderLayout());
    private final TextBox filter = new TextBox();
    private final Label summary = new Label("");
    private final Table<String> table;

    /** Whether a whole-table scan may start: a table of more than 100 MB is confirmed first, once a view. */
    private LargeScan largeScan = LargeScan.UNKNOWN;

    private enum LargeScan { UNKNOWN, ASKING, CONFIRMED }

    private AtomicBoolean filterCancel = new AtomicBoolean();
    private int visibleRows = 10;

    UserBrowserView(ConsoleUi ui) {
        this(ui, PAGE_SIZE, WINDOW_PAGES);
    }

    UserBrowserView(ConsoleUi ui, int pageSize, int windowPages) {
        this.ui = ui;
        this.prefetchRows = Math.max(1, pageSize * 3 / 10);
        this.model = new BrowserModel(pageSize, windowPages, MAX_MATCHES);
        this.table = new Table<>(COLUMNS) {
            @Override
            public Result handleKeyStroke(KeyStroke key) {
                Result result = super.handleKeyStroke(key);
                loadIfNeeded();
                return result;
            }
        };
        table.setSelectAction(this::actionsForSelected);
        filter.setTextChangeListener((text, byUser) -> startFilter());
        Panel top = new Panel(new LinearLayout(Direction.HORIZONTAL));
        top.addComponent(new Label("Filter (/):"));
        top.addComponent(filter);
        panel.addComponent(top, BorderLayout.Location.TOP);
        panel.addComponent(table, BorderLayout.Location.CENTER);
        panel.addComponent(summary, BorderLayout.Location.BOTTOM);
    }

    @Override
    public void focus() {
        table.takeFocus();
    }

    @Override
    public Component component() {
        return panel;
    }

    @Override
    public String hints() {
        return (filter.isFocused() ? FILTER_KEYS : KEYS).hints(this, ui.readOnly());
    }

    @Override
    public void onShow() {
        filter.setPreferredSize(new TerminalSize(Math.max(10, ui.width() - 14), 1));
        visibleRows = Math.max(3, ui.height() - 6);
        render(0);
    }

    @Override
    public void onHide() {
        stopFilter();
    }

    @Override
    public boolean onKey(KeyStroke key) {
        return filter.isFocused() ? FILTER_KEYS.handle(key, this, ui) : KEYS.handle(key, this, ui);
    }

    private void editFilter() {
        filter.takeFocus();
        ui.setHints(hints());
    }

    private void keepFilter() {
        table.takeFocus();
        ui.setHints(hints());
    }

    private void clearFilter() {
        filter.setText("");
        keepFilter();
    }

    // ---- marks -------------------------------------------------------------------------------------

    private void toggleMark() {
        int row = table.getSelectedRow();
        if (model.at(row).isEmpty()) {
            return;
        }
        if (!model.toggleMark(row)) {
            ui.showMessage("Marks", "Every match of the filter is marked; press u to clear the marks first.");
            return;
        }
        render(0);
        if (row + 1 < model.shown().size()) {
            table.setSelectedRow(row + 1);
        }
    }

    private void markEveryMatch() {
        Optional<String> refused = model.markEveryMatch();
        if (refused.isPresent()) {
            ui.showMessage("Marks", refused.get());
            return;
        }
        render(0);
    }

    private void clearMarks() {
        model.marks().clear();
        render(0);
    }

    private void actOnMarks() {
        Marks marks = model.marks();
        if (marks.isEmpty()) {
            ui.showMessage("Marks", "No user is marked: Space marks the chosen one, * every match of the filter.");
            return;
        }
        ui.unlessReadOnly(() -> new BulkDialog(ui, () -> {
            marks.clear();
            ui.usersChanged();
        }).chooseFor(marks));
    }

    private void exportMarks() {
        Marks marks = model.marks();
        if (marks.isEmpty()) {
            ui.showMessage("Marks", "No user is marked: Space marks the chosen one, * every match of the filter;"
                    + " the menu's Export writes every user.");
            return;
        }
        List<String> emails = marks.users().stream().map(User::emailAddress).toList();
        Optional<Query> everyMatch = marks.everyMatch();
        new ExportDialog(ui, "Export the marked users (" + marks.summary() + ")", (users, format, hashes) ->
                everyMatch.map(query -> new UserExporter(users, format, hashes, users.defaultScanSegments(), query))
                        .orElseGet(() -> UserExporter.ofEmails(users, format, hashes, emails))).open();
    }

    /** The chosen user's email exactly as stored (never more of the user) onto the administrator's clipboard. */
    private void copyEmail() {
        model.at(table.getSelectedRow()).ifPresentOrElse(user -> ui.copy(user.emailAddress()),
                () -> ui.note("No user is chosen: nothing to copy."));
    }

    private void nextSortColumn() {
        model.nextSortColumn();
        render(0);
    }

    private void reverseOrder() {
        model.reverseOrder();
        render(0);
    }

    // ---- pages -------------------------------------------------------------------------------------

    /** Starts again from the first page (and the filter's scan from the start). */
    void reload() {
        PagingWindow.Request<UserPage.Cursor> first = model.pages().reset();
        render(0);
        loadPage(first);
        if (model.filtering()) {
            startFilter();
        }
    }

    private void loadIfNeeded() {
        if (!model.filtering()) {
            model.pages().wanted(table.getSelectedRow(), prefetchRows).ifPresent(this::loadPage);
        }
    }

    private void loadPage(PagingWindow.Request<UserPage.Cursor> request) {
        renderSummary();
        ui.backend().run("Loading users", users -> users.page(request.start(), model.pages().pageSize()), page -> model.pages().accept(request, page.users(), page.next()).ifPresent(shift -> {
                    if (!model.filtering()) {
                        render(shift);
                        loadIfNeeded(); // keep going while the selection is still near an edge
                    } else {
                        renderSummary();
                    }
                }), error -> {
                    model.pages().failed(request);
                    renderSummary();
                    ui.showError(error);
                });
    }

    // ---- filter ------------------------------------------------------------------------------------

    /** Stops the running search, if any, and starts one for the filter's text (parallel segments over HTTP). */
    private void startFilter() {
        Optional<Query> wanted = model.filterText(filter.getText());
        if (wanted.isEmpty()) {
            stopFilter();
            render(0);
            return;
        }
        boolean scans = model.filtering() && wanted.get().exactEmail().isEmpty();
        if (scans && largeScan == LargeScan.UNKNOWN) {
            askBeforeTheScan();
            return;
        }
        if (scans && largeScan == LargeScan.ASKING) {
            return; // the filter starts with the text typed meanwhile once the scan is confirmed
        }
        stopFilter();
        int search = model.results().start();
        render(0);
        if (model.filtering()) {
            search(wanted.get(), search);
        }
    }

    private void askBeforeTheScan() {
        largeScan = LargeScan.ASKING;
        ui.backend().run("Reading the table's size", users -> users.largeScanCost(false), cost -> {
            if (cost.isEmpty()) {
                largeScan = LargeScan.CONFIRMED;
                startFilter();
                return;
            }
            new LargeScanDialog(ui, cost.get(), () -> {
                largeScan = LargeScan.CONFIRMED;
                startFilter();
            }, () -> {
                largeScan = LargeScan.UNKNOWN;
                filter.setText("");
            }).open();
        }, error -> {
            largeScan = LargeScan.CONFIRMED; // the search itself will say what is wrong
            startFilter();
        });
    }

    private void search(Query query, int search) {
        AtomicBoolean cancelled = filterCancel;
        ui.backend().runBeside("Filtering", users -> {
            OptionalDouble before = users.capacityUsed().readUnits();
            users.search(query, users.defaultScanSegments(), MAX_MATCHES, (found, scanned) -> {
                boolean throttled = users.throttledRecently();
                ui.backend().post(() -> showMatches(search, found, scanned, throttled));
            }, cancelled::get);
            return readUnitsSince(before, users.capacityUsed().readUnits());
        }, units -> {
            if (model.results().finish(search, units)) {
                renderSummary();
            }
        }, error -> {
            if (model.results().finish(search, "")) {
                renderSummary();
                ui.showError(error);
            }
        });
    }

    private void stopFilter() {
        model.results().stop();
        filterCancel.set(true);
        filterCancel = new AtomicBoolean();
    }

    /** What one search read, from the connection's counts before and after it. */
    private static String readUnitsSince(OptionalDouble before, OptionalDouble after) {
        return "; " + CapacityUsed.readText(after.isEmpty() ? after
                : OptionalDouble.of(after.getAsDouble() - before.orElse(0)), false);
    }

    private void showMatches(int search, List<User> found, long scanned, boolean throttled) {
        if (model.results().add(search, found, scanned, throttled)) {
            render(0);
        } else {
            renderSummary();
        }
    }

    // ---- drawing -----------------------------------------------------------------------------------

    /** Redraws the rows; {@code shift} moves the selection to follow rows that moved. */
    private void render(int shift) {
        List<User> shown = model.rows();
        int selected = Math.max(0, table.getSelectedRow() + shift);
        int top = Math.max(0, table.getViewTopRow() + shift);
        int[] widths = columnWidths(ui.width());
        TableModel<String> rows = new TableModel<>(headers(widths));
        Marks marks = model.marks();
        for (User user : shown) {
            String[] cells = new String[COLUMNS.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = VisibleText.fit(VisibleText.forScreen(display(i, BrowserModel.VALUES.get(i).apply(user),
                        widths[i])), widths[i]);
            }
            if (marks.contains(user)) {
                cells[0] = VisibleText.fit("* " + cells[0], widths[0]);
            }
            rows.addRow(cells);
        }
        table.setTableModel(rows);
        // Lanterna's table renderer fails on an empty model with a fixed number of visible rows
        table.setVisibleRows(shown.isEmpty() ? 0 : visibleRows);
        // keep the view on the same users when rows above were dropped or added, and never past the end
        table.setViewTopRow(Math.min(top, Math.max(0, shown.size() - visibleRows)));
        if (!shown.isEmpty()) {
            table.setSelectedRow(Math.min(selected, shown.size() - 1));
        }
        renderSummary();
    }

    /** Headers padded to the column widths, so the layout holds even before any row arrives. */
    private String[] headers(int[] widths) {
        String[] headers = COLUMNS.clone();
        int sorted = model.sortColumn();
        if (sorted >= 0) {
            headers[sorted] = headers[sorted] + (model.descending() ? " v" : " ^");
        }
        for (int i = 0; i < headers.length; i++) {
            headers[i] = VisibleText.fit(headers[i], widths[i]);
        }
        return headers;
    }

    /** Dates shrink to fit narrow terminals: full, to the minute, or the day. */
    private static String display(int column, String value, int width) {
        if (value == null || column < 3 || column > 4 || value.length() <= width) {
            return value;
        }
        return width >= 16 && value.length() >= 16 ? value.substring(0, 16).replace('T', ' ') : value.substring(0, 10);
    }

    static int[] columnWidths(int terminalColumns) {
        int usable = Math.max(40 + LOCKED_WIDTH + 1, terminalColumns - 6);
        int date = usable >= 118 ? 24 : usable >= 96 ? 16 : 10;
        int rest = usable - 2 * date;
        int email = rest * 2 / 5;
        // the names, not the email, make room for the Locked column
        int names = rest - email - (LOCKED_WIDTH + 1);
        int first = names / 2;
        return new int[] {email, first, names - first, date, date, LOCKED_WIDTH};
    }

    private void renderSummary() {
        summary.setText(" " + model.summary());
    }

    private void actionsForSelected() {
        model.at(table.getSelectedRow()).ifPresent(user -> UserDetailsDialog.open(ui, user));
    }

    /** Users held in memory by the view (the window, or the filter's matches). */
    int heldUsers() {
        return model.heldUsers();
    }
}
