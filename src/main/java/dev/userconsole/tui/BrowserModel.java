package dev.userconsole.tui;

import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.users.User;
import dev.userconsole.users.UserPage;
import dev.userconsole.users.query.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What Read users shows, without a screen: the paging window over the table, the filter's matches as they
 * stream in, the marks (also "every match"), the sort, and the summary line with the counts. The view draws
 * it and maps keys to it; the reads themselves are the view's to start.
 */
final class BrowserModel {
    static final String[] COLUMNS = {"Email", "First name", "Last name", "Created", "Updated", "Locked"};
    static final List<Function<User, String>> VALUES = List.of(User::emailAddress, User::firstName,
            User::lastName, User::dateCreated, User::dateUpdated, user -> user.locked() ? "locked" : "");

    private final PagingWindow<UserPage.Cursor> pages;
    private final FilterResults results;
    private final Marks marks = new Marks();
    private String filterText = "";
    private int sortColumn = -1;
    private boolean descending;
    private List<User> shown = List.of();

    BrowserModel(int pageSize, int windowPages, int maxMatches) {
        this.pages = new PagingWindow<>(pageSize, windowPages);
        this.results = new FilterResults(maxMatches);
    }

    PagingWindow<UserPage.Cursor> pages() {
        return pages;
    }

    FilterResults results() {
        return results;
    }

    Marks marks() {
        return marks;
    }

    /**
     * Takes the filter's text as typed. "Every match" meant the old text's matches, so that mark goes.
     *
     * @return the text as a query; empty when it is not one yet, the results then saying why
     */
    Optional<Query> filterText(String text) {
        filterText = text;
        marks.filterChanged();
        return query();
    }

    private Optional<Query> query() {
        try {
            Query query = Query.parse(filterText);
            results.parsed();
            return Optional.of(query);
        } catch (InvalidInputException e) {
            results.refuse(e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether the rows are the filter's matches rather than the table's pages. */
    boolean filtering() {
        return !filterText.isBlank();
    }

    /** Works out the rows to show (the filter's matches, or the pages held), sorted when asked; see {@link #shown()}. */
    List<User> rows() {
        List<User> rows = new ArrayList<>(filtering() ? results.matches() : pages.rows());
        if (sortColumn >= 0) {
            Comparator<User> order = Comparator.comparing(u -> nullToEmpty(VALUES.get(sortColumn).apply(u))
                    .toLowerCase(Locale.ROOT));
            rows.sort(descending ? order.reversed() : order);
        }
        shown = List.copyOf(rows);
        return shown;
    }

    /** The rows as last worked out by {@link #rows()}: what the screen shows. */
    List<User> shown() {
        return shown;
    }

    Optional<User> at(int row) {
        return row < 0 || row >= shown.size() ? Optional.empty() : Optional.of(shown.get(row));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Sorts by the next column; after the last, the table's own order again. */
    void nextSortColumn() {
        sortColumn = sortColumn + 1 >= COLUMNS.length ? -1 : sortColumn + 1;
    }

    void reverseOrder() {
        descending = !descending;
    }

    /** The column sorted by, or -1 for the table's own order. */
    int sortColumn() {
        return sortColumn;
    }

    boolean descending() {
        return descending;
    }

    /** @return false, changing nothing, while every match is marked (or no user is shown on that row) */
    boolean toggleMark(int row) {
        return at(row).map(marks::toggle).orElse(false);
    }

    /** Marks every match of the filter; when its text is not a query, says why instead. */
    Optional<String> markEveryMatch() {
        Optional<Query> query = query();
        if (query.isEmpty()) {
            return Optional.of("The filter is not a query yet: " + results.describe());
        }
        marks.markEveryMatch(query.get());
        return Optional.empty();
    }

    /** The line under the rows: what is shown, how it is sorted, what is marked. */
    String summary() {
        if (filtering() && results.refused()) {
            return results.describe();
        }
        String sort = sortColumn < 0 ? "" : ", sorted by " + COLUMNS[sortColumn].toLowerCase(Locale.ROOT)
                + (descending ? " (descending)" : "") + " within these rows";
        String marked = marks.isEmpty() ? "" : "; " + marks.summary() + " (b acts on them)";
        return (filtering() ? results.describe() : pages.describe()) + sort + marked;
    }

    /** Users held in memory (the pages and the filter's matches). */
    int heldUsers() {
        return pages.loadedRows() + results.size();
    }
}
