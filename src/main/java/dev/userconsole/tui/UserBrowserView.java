package dev.userconsole.tui;

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
import com.googlecode.lanterna.input.KeyType;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.User;
import dev.userconsole.users.UserPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Read users: a scrolling table that shows the first page as soon as it arrives and loads the next
 * page as the selection nears the end of what is loaded. Filter, sort, refresh, and Enter for actions.
 */
final class UserBrowserView implements View {
    /** Users per scan request: a few screenfuls, so the first one appears quickly. */
    static final int PAGE_SIZE = 100;
    /** Start loading the next page when the selection is this close to the last loaded row. */
    private static final int PREFETCH_ROWS = 30;
    private static final String[] COLUMNS = {"Email", "First name", "Last name", "Created", "Updated"};
    private static final List<Function<User, String>> VALUES = List.of(User::emailAddress, User::firstName,
            User::lastName, User::dateCreated, User::dateUpdated);

    private final ConsoleUi ui;
    private final Panel panel = new Panel(new BorderLayout());
    private final TextBox filter = new TextBox();
    private final Label summary = new Label("");
    private final Table<String> table;
    private final List<User> loaded = new ArrayList<>();
    private List<User> shown = List.of();
    private Optional<UserPage.Cursor> next = Optional.empty();
    private boolean loading;
    private boolean complete;
    private int generation;
    private int sortColumn = -1;
    private boolean descending;

    UserBrowserView(ConsoleUi ui) {
        this.ui = ui;
        this.table = new Table<>(COLUMNS) {
            @Override
            public Result handleKeyStroke(KeyStroke key) {
                Result result = super.handleKeyStroke(key);
                loadMoreIfNeeded();
                return result;
            }
        };
        table.setSelectAction(this::actionsForSelected);
        filter.setTextChangeListener((text, byUser) -> applyFilterAndSort());
        Panel top = new Panel(new LinearLayout(Direction.HORIZONTAL));
        top.addComponent(new Label("Filter (/):"));
        top.addComponent(filter);
        panel.addComponent(top, BorderLayout.Location.TOP);
        panel.addComponent(table, BorderLayout.Location.CENTER);
        panel.addComponent(summary, BorderLayout.Location.BOTTOM);
    }

    void focus() {
        table.takeFocus();
    }

    @Override
    public Component component() {
        return panel;
    }

    @Override
    public String hints() {
        return "Enter act  / filter  s sort  S reverse  r reload  i insert  Esc back  ? help";
    }

    @Override
    public void onShow() {
        filter.setPreferredSize(new com.googlecode.lanterna.TerminalSize(Math.max(10, ui.width() - 14), 1));
        table.setVisibleRows(Math.max(3, ui.height() - 6));
        render();
    }

    @Override
    public boolean onKey(KeyStroke key) {
        if (filter.isFocused()) {
            if (Keys.is(key, KeyType.Escape)) {
                filter.setText("");
                table.takeFocus();
                return true;
            }
            if (Keys.is(key, KeyType.Enter)) {
                table.takeFocus();
                return true;
            }
            return false;
        }
        if (Keys.is(key, KeyType.Escape) || Keys.isChar(key, 'q')) {
            ui.showMenu();
        } else if (Keys.isChar(key, '/')) {
            filter.takeFocus();
        } else if (Keys.isChar(key, 's')) {
            sortColumn = sortColumn + 1 >= COLUMNS.length ? -1 : sortColumn + 1;
            applyFilterAndSort();
        } else if (Keys.isChar(key, 'S')) {
            descending = !descending;
            applyFilterAndSort();
        } else if (Keys.isChar(key, 'r')) {
            reload();
        } else if (Keys.isChar(key, 'i')) {
            ui.insertUser();
        } else {
            return false;
        }
        return true;
    }

    /** Starts again from the first page. */
    void reload() {
        generation++;
        loaded.clear();
        next = Optional.empty();
        complete = false;
        loading = false;
        applyFilterAndSort();
        loadPage();
    }

    private void loadMoreIfNeeded() {
        if (!complete && !loading && table.getSelectedRow() >= shown.size() - PREFETCH_ROWS) {
            loadPage();
        }
    }

    private void loadPage() {
        loading = true;
        int requestedBy = generation;
        Optional<UserPage.Cursor> after = next;
        renderSummary();
        ui.backend().run("Loading users", users -> users.page(after, PAGE_SIZE), page -> {
            if (requestedBy != generation) {
                return; // a reload started meanwhile; this page belongs to the old listing
            }
            loading = false;
            loaded.addAll(page.users());
            next = page.next();
            complete = !page.hasMore();
            applyFilterAndSort();
            // keep filling until the screen is full or a filter has enough matches to scroll
            loadMoreIfNeeded();
        }, error -> {
            loading = false;
            complete = true;
            renderSummary();
            ui.showError(error);
        });
    }

    private void applyFilterAndSort() {
        String needle = filter.getText().strip().toLowerCase(Locale.ROOT);
        List<User> matches = new ArrayList<>();
        for (User user : loaded) {
            if (needle.isEmpty() || contains(user.emailAddress(), needle) || contains(user.firstName(), needle)
                    || contains(user.lastName(), needle)) {
                matches.add(user);
            }
        }
        if (sortColumn >= 0) {
            Comparator<User> order = Comparator.comparing(u -> nullToEmpty(VALUES.get(sortColumn).apply(u))
                    .toLowerCase(Locale.ROOT));
            matches.sort(descending ? order.reversed() : order);
        }
        shown = matches;
        render();
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private void render() {
        int selected = Math.max(0, table.getSelectedRow());
        int[] widths = columnWidths(ui.width());
        TableModel<String> model = new TableModel<>(headers(widths));
        for (User user : shown) {
            String[] cells = new String[COLUMNS.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = VisibleText.fit(VisibleText.of(display(i, VALUES.get(i).apply(user), widths[i])), widths[i]);
            }
            model.addRow(cells);
        }
        table.setTableModel(model);
        if (!shown.isEmpty()) {
            table.setSelectedRow(Math.min(selected, shown.size() - 1));
        }
        renderSummary();
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
        if (value == null || column < 3 || value.length() <= width) {
            return value;
        }
        return width >= 16 && value.length() >= 16 ? value.substring(0, 16).replace('T', ' ') : value.substring(0, 10);
    }

    static int[] columnWidths(int terminalColumns) {
        int usable = Math.max(40, terminalColumns - 6);
        int date = usable >= 118 ? 24 : usable >= 96 ? 16 : 10;
        int rest = usable - 2 * date;
        int email = rest * 2 / 5;
        int first = (rest - email) / 2;
        return new int[] {email, first, rest - email - first, date, date};
    }

    private void renderSummary() {
        String count = shown.size() == loaded.size() ? plural(loaded.size(), "user")
                : shown.size() + " of " + plural(loaded.size(), "user") + " match";
        String more = loading ? ", loading more..." : complete ? "" : ", more as you scroll";
        String sort = sortColumn < 0 ? "" : ", sorted by " + COLUMNS[sortColumn].toLowerCase(Locale.ROOT)
                + (descending ? " (descending)" : "");
        summary.setText(" " + count + (complete ? " (all loaded)" : "") + more + sort);
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void actionsForSelected() {
        int row = table.getSelectedRow();
        if (row < 0 || row >= shown.size()) {
            return;
        }
        new UserActionsDialog(ui, shown.get(row)).open();
    }

    /** The user shown on a row, for tests and actions. */
    List<User> shownUsers() {
        return List.copyOf(shown);
    }
}
