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
import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.CapacityUsed;
import dev.userconsole.users.User;
import dev.userconsole.users.UserExporter;
import dev.userconsole.users.UserPage;
import dev.userconsole.users.query.Query;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Read users: a scrolling table that shows the first page as soon as it arrives and loads pages as the
 * selection nears either end of what is loaded. Memory stays bounded however large the table is: only
 * a window of a few pages is kept, plus the key where each page starts, so scrolling back re-reads
 * earlier pages. A filter scans the whole table beside the paging (in parallel segments where that is
 * faster) and shows matches as they stream in (up to a cap).
 */
final class UserBrowserView implements View {
    /** Users per scan request: a few screenfuls, so the first one appears quickly. */
    static final int PAGE_SIZE = 100;
    /** Pages kept in memory at once. */
    static final int WINDOW_PAGES = 5;
    /** Matches a filter keeps; a filter that matches more asks to be narrowed. */
    static final int MAX_MATCHES = 2000;
    private static final String[] COLUMNS = {"Email", "First name", "Last name", "Created", "Updated", "Locked"};
    private static final List<Function<User, String>> VALUES = List.of(User::emailAddress, User::firstName,
            User::lastName, User::dateCreated, User::dateUpdated, user -> user.locked() ? "locked" : "");
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
    private final int pageSize;
    private final int windowPages;
    private final int prefetchRows;
    private final Panel panel = new Panel(new BorderLayout());
    private final TextBox filter = new TextBox();
    private final Label summary = new Label("");
    private final Table<String> table;

    /** Where page i starts (empty for the first page); kept for every page seen, to scroll back. */
    private final List<Optional<UserPage.Cursor>> pageStarts = new ArrayList<>();
    private final Deque<List<User>> window = new ArrayDeque<>();
    private int firstPage;
    private Integer lastPage;
    private boolean loading;
    private int generation;

    private final List<User> matches = new ArrayList<>();
    private final Marks marks = new Marks();
    private boolean filterComplete;
    private long filterScanned;
    private String filterUnits = "";
    /** Why the filter's text is not a query yet ("filter: at column 9, ..."), or empty. */
    private String filterRefusal = "";
    /** Whether a whole-table scan may start: a table of more than 100 MB is confirmed first, once a view. */
    private LargeScan largeScan = LargeScan.UNKNOWN;

    private enum LargeScan { UNKNOWN, ASKING, CONFIRMED }

    private boolean filterThrottled;
    private int filterGeneration;
    private AtomicBoolean filterCancel = new AtomicBoolean();

    private List<User> shown = List.of();
    private int visibleRows = 10;
    private int sortColumn = -1;
    private boolean descending;

    UserBrowserView(ConsoleUi ui) {
        this(ui, PAGE_SIZE, WINDOW_PAGES);
    }

    UserBrowserView(ConsoleUi ui, int pageSize, int windowPages) {
        this.ui = ui;
        this.pageSize = pageSize;
        this.windowPages = windowPages;
        this.prefetchRows = Math.max(1, pageSize * 3 / 10);
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

    private void toggleMark() {
        int row = table.getSelectedRow();
        if (row < 0 || row >= shown.size()) {
            return;
        }
        if (!marks.toggle(shown.get(row))) {
            ui.showMessage("Marks", "Every match of the filter is marked; press u to clear the marks first.");
            return;
        }
        render(0);
        if (row + 1 < shown.size()) {
            table.setSelectedRow(row + 1);
        }
    }

    private void markEveryMatch() {
        Optional<Query> query = parsedFilter();
        if (query.isEmpty()) {
            ui.showMessage("Marks", "The filter is not a query yet: " + filterRefusal);
            return;
        }
        marks.markEveryMatch(query.get());
        render(0);
    }

    private void clearMarks() {
        marks.clear();
        render(0);
    }

    private void actOnMarks() {
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

    private void nextSortColumn() {
        sortColumn = sortColumn + 1 >= COLUMNS.length ? -1 : sortColumn + 1;
        render(0);
    }

    private void reverseOrder() {
        descending = !descending;
        render(0);
    }

    /** Starts again from the first page (and the filter's scan from the start). */
    void reload() {
        generation++;
        pageStarts.clear();
        pageStarts.add(Optional.empty());
        window.clear();
        firstPage = 0;
        lastPage = null;
        loading = false;
        render(0);
        loadPage(0, true);
        if (filtering()) {
            startFilter();
        }
    }

    private boolean filtering() {
        return !filter.getText().isBlank();
    }

    private int loadedRows() {
        return window.stream().mapToInt(List::size).sum();
    }

    private boolean moreBelow() {
        return lastPage == null || firstPage + window.size() - 1 < lastPage;
    }

    private void loadIfNeeded() {
        if (filtering() || loading) {
            return;
        }
        int selected = table.getSelectedRow();
        if (selected >= shown.size() - prefetchRows && moreBelow()) {
            loadPage(firstPage + window.size(), true);
        } else if (selected < prefetchRows && firstPage > 0) {
            loadPage(firstPage - 1, false);
        }
    }

    /** Loads page {@code index}, appending it below the window or putting it back above. */
    private void loadPage(int index, boolean below) {
        loading = true;
        int requestedBy = generation;
        Optional<UserPage.Cursor> start = pageStarts.get(index);
        renderSummary();
        ui.backend().run("Loading users", users -> users.page(start, pageSize), page -> {
            if (requestedBy != generation) {
                return; // a reload started meanwhile; this page belongs to the old listing
            }
            loading = false;
            if (index + 1 == pageStarts.size() && page.hasMore()) {
                pageStarts.add(page.next());
            }
            if (page.users().isEmpty()) {
                // an empty table, or the previous page ended exactly at the limit: that one was the last
                lastPage = index - 1;
                render(0);
                return;
            }
            if (!page.hasMore()) {
                lastPage = index;
            }
            int shift = below ? addBelow(page.users()) : addAbove(page.users());
            if (!filtering()) {
                render(shift);
                loadIfNeeded(); // keep going while the selection is still near an edge
            }
        }, error -> {
            loading = false;
            lastPage = firstPage + window.size() - 1;
            renderSummary();
            ui.showError(error);
        });
    }

    /** Returns how far the selection must move to stay on the same user. */
    private int addBelow(List<User> users) {
        window.addLast(users);
        if (window.size() > windowPages) {
            firstPage++;
            return -window.removeFirst().size();
        }
        return 0;
    }

    private int addAbove(List<User> users) {
        window.addFirst(users);
        firstPage--;
        if (window.size() > windowPages) {
            window.removeLast();
        }
        return users.size();
    }

    // ---- filter ------------------------------------------------------------------------------------

    /** The filter's text as a query; when it is not one yet, empty, with the reason kept for the summary. */
    private Optional<Query> parsedFilter() {
        try {
            filterRefusal = "";
            return Optional.of(Query.parse(filter.getText()));
        } catch (InvalidInputException e) {
            filterRefusal = e.getMessage();
            return Optional.empty();
        }
    }

    /** Stops the running search, if any, and starts one for the filter's text (parallel segments over HTTP). */
    private void startFilter() {
        marks.filterChanged();
        Optional<Query> wanted = parsedFilter();
        if (filtering() && wanted.isEmpty()) {
            stopFilter();
            matches.clear();
            filterComplete = true;
            render(0);
            return;
        }
        boolean scans = filtering() && wanted.isPresent() && wanted.get().exactEmail().isEmpty();
        if (scans && largeScan == LargeScan.UNKNOWN) {
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
            return;
        }
        if (scans && largeScan == LargeScan.ASKING) {
            return; // the filter starts with the text typed meanwhile once the scan is confirmed
        }
        stopFilter();
        matches.clear();
        filterComplete = false;
        filterScanned = 0;
        filterUnits = "";
        filterThrottled = false;
        render(0);
        if (filtering()) {
            int requestedBy = filterGeneration;
            AtomicBoolean cancelled = filterCancel;
            ui.backend().runBeside("Filtering", users -> {
                OptionalDouble before = users.capacityUsed().readUnits();
                users.search(wanted.get(), users.defaultScanSegments(), MAX_MATCHES, (found, scanned) -> {
                    boolean throttled = users.throttledRecently();
                    ui.backend().post(() -> showMatches(requestedBy, found, scanned, throttled));
                }, cancelled::get);
                return readUnitsSince(before, users.capacityUsed().readUnits());
            }, units -> {
                        if (requestedBy == filterGeneration) {
                            filterComplete = true;
                            filterUnits = units;
                            renderSummary();
                        }
                    }, error -> {
                        if (requestedBy == filterGeneration) {
                            filterComplete = true;
                            renderSummary();
                            ui.showError(error);
                        }
                    });
        }
    }

    private void stopFilter() {
        filterGeneration++;
        filterCancel.set(true);
        filterCancel = new AtomicBoolean();
    }

    /** What one search read, from the connection's counts before and after it. */
    private static String readUnitsSince(OptionalDouble before, OptionalDouble after) {
        return "; " + CapacityUsed.readText(after.isEmpty() ? after
                : OptionalDouble.of(after.getAsDouble() - before.orElse(0)), false);
    }

    private void showMatches(int requestedBy, List<User> found, long scanned, boolean throttled) {
        if (requestedBy != filterGeneration) {
            return; // the filter text changed; a new search has started
        }
        filterThrottled = throttled;
        filterScanned = scanned;
        matches.addAll(found);
        if (found.isEmpty()) {
            renderSummary();
        } else {
            render(0);
        }
    }

    // ---- drawing -----------------------------------------------------------------------------------

    /** Redraws the rows; {@code shift} moves the selection to follow rows that moved. */
    private void render(int shift) {
        List<User> rows = new ArrayList<>();
        if (filtering()) {
            rows.addAll(matches);
        } else {
            window.forEach(rows::addAll);
        }
        if (sortColumn >= 0) {
            Comparator<User> order = Comparator.comparing(u -> nullToEmpty(VALUES.get(sortColumn).apply(u))
                    .toLowerCase(Locale.ROOT));
            rows.sort(descending ? order.reversed() : order);
        }
        shown = rows;
        int selected = Math.max(0, table.getSelectedRow() + shift);
        int top = Math.max(0, table.getViewTopRow() + shift);
        int[] widths = columnWidths(ui.width());
        TableModel<String> model = new TableModel<>(headers(widths));
        for (User user : shown) {
            String[] cells = new String[COLUMNS.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = VisibleText.fit(VisibleText.forScreen(display(i, VALUES.get(i).apply(user), widths[i])), widths[i]);
            }
            if (marks.contains(user)) {
                cells[0] = VisibleText.fit("* " + cells[0], widths[0]);
            }
            model.addRow(cells);
        }
        table.setTableModel(model);
        // Lanterna's table renderer fails on an empty model with a fixed number of visible rows
        table.setVisibleRows(shown.isEmpty() ? 0 : visibleRows);
        // keep the view on the same users when rows above were dropped or added, and never past the end
        table.setViewTopRow(Math.min(top, Math.max(0, shown.size() - visibleRows)));
        if (!shown.isEmpty()) {
            table.setSelectedRow(Math.min(selected, shown.size() - 1));
        }
        renderSummary();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Headers padded to the column widths, so the layout holds even before any row arrives. */
    private String[] headers(int[] widths) {
        String[] headers = COLUMNS.clone();
        if (sortColumn >= 0) {
            headers[sortColumn] = headers[sortColumn] + (descending ? " v" : " ^");
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
        String sort = sortColumn < 0 ? "" : ", sorted by " + COLUMNS[sortColumn].toLowerCase(Locale.ROOT)
                + (descending ? " (descending)" : "") + " within these rows";
        if (filtering() && !filterRefusal.isEmpty()) {
            summary.setText(" " + filterRefusal);
            return;
        }
        if (filtering()) {
            String progress = filterComplete ? (matches.size() >= MAX_MATCHES ? " (the first " + MAX_MATCHES
                    + "; narrow the filter)" : "") + filterUnits
                    : filterThrottled ? ", throttled, waiting..." : ", still searching...";
            summary.setText(" " + plural(matches.size(), "match", "matches") + " in " + plural(filterScanned, "user",
                    "users") + progress + sort + marked());
            return;
        }
        int rows = loadedRows();
        String text;
        if (firstPage == 0 && !moreBelow()) {
            text = plural(rows, "user", "users") + " (all loaded)";
        } else {
            long from = (long) firstPage * pageSize + (rows == 0 ? 0 : 1);
            text = "users " + from + "-" + (from + rows - (rows == 0 ? 0 : 1))
                    + (moreBelow() ? ", more as you scroll" : " (the last)");
        }
        summary.setText(" " + text + (loading ? ", loading..." : "") + sort + marked());
    }

    private String marked() {
        return marks.isEmpty() ? "" : "; " + marks.summary() + " (b acts on them)";
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private void actionsForSelected() {
        int row = table.getSelectedRow();
        if (row < 0 || row >= shown.size()) {
            return;
        }
        UserDetailsDialog.open(ui, shown.get(row));
    }

    /** Users held in memory by the view (the window, or the filter's matches). */
    int heldUsers() {
        return loadedRows() + matches.size();
    }
}
