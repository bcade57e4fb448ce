package dev.userconsole.tui;

import dev.userconsole.text.Plural;
import dev.userconsole.users.User;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The pages of the table that Read users holds, without a screen: a window of at most a few pages, plus where
 * each page seen starts, so scrolling back reads an earlier page again. Memory stays bounded however large
 * the table is. {@code C} is where a page starts (the store's cursor; opaque here).
 */
final class PagingWindow<C> {
    /** A page to read: its index, whether it goes below the window or back above it, and where it starts. */
    record Request<C>(int generation, int index, boolean below, Optional<C> start) {
    }

    private final int pageSize;
    private final int windowPages;
    private final List<Optional<C>> pageStarts = new ArrayList<>();
    private final Deque<List<User>> window = new ArrayDeque<>();
    private int firstPage;
    private Integer lastPage;
    private boolean loading;
    private int generation;

    PagingWindow(int pageSize, int windowPages) {
        this.pageSize = pageSize;
        this.windowPages = windowPages;
        reset();
    }

    /** Starts again from the first page; the answers to requests made before are then ignored. */
    Request<C> reset() {
        generation++;
        pageStarts.clear();
        pageStarts.add(Optional.empty());
        window.clear();
        firstPage = 0;
        lastPage = null;
        loading = false;
        return request(0, true);
    }

    /**
     * The page to read for a selection at this row of {@link #rows()}, when it is this near an edge of what is
     * held and nothing is being read; empty otherwise.
     */
    Optional<Request<C>> wanted(int selectedRow, int nearRows) {
        if (loading) {
            return Optional.empty();
        }
        if (selectedRow >= loadedRows() - nearRows && moreBelow()) {
            return Optional.of(request(firstPage + window.size(), true));
        }
        if (selectedRow < nearRows && firstPage > 0) {
            return Optional.of(request(firstPage - 1, false));
        }
        return Optional.empty();
    }

    private Request<C> request(int index, boolean below) {
        loading = true;
        return new Request<>(generation, index, below, pageStarts.get(index));
    }

    /**
     * Takes the page a request read: its users and where the page after it starts (empty after the last).
     *
     * @return how far the selection must move to stay on the same user; empty when the request was made
     *         before a reset, and the page is dropped
     */
    OptionalInt accept(Request<C> request, List<User> users, Optional<C> next) {
        if (request.generation() != generation) {
            return OptionalInt.empty();
        }
        loading = false;
        if (request.index() + 1 == pageStarts.size() && next.isPresent()) {
            pageStarts.add(next);
        }
        if (users.isEmpty()) {
            // an empty table, or the previous page ended exactly at the limit: that one was the last
            lastPage = request.index() - 1;
            return OptionalInt.of(0);
        }
        if (next.isEmpty()) {
            lastPage = request.index();
        }
        return OptionalInt.of(request.below() ? addBelow(users) : addAbove(users));
    }

    /** A request failed: what is held is all there is until a reload. */
    void failed(Request<C> request) {
        if (request.generation() == generation) {
            loading = false;
            lastPage = firstPage + window.size() - 1;
        }
    }

    private int addBelow(List<User> users) {
        window.addLast(List.copyOf(users));
        if (window.size() > windowPages) {
            firstPage++;
            return -window.removeFirst().size();
        }
        return 0;
    }

    private int addAbove(List<User> users) {
        window.addFirst(List.copyOf(users));
        firstPage--;
        if (window.size() > windowPages) {
            window.removeLast();
        }
        return users.size();
    }

    /** The users held, in the table's order. */
    List<User> rows() {
        List<User> rows = new ArrayList<>(loadedRows());
        window.forEach(rows::addAll);
        return rows;
    }

    int loadedRows() {
        return window.stream().mapToInt(List::size).sum();
    }

    int pageSize() {
        return pageSize;
    }

    boolean loading() {
        return loading;
    }

    private boolean moreBelow() {
        return lastPage == null || firstPage + window.size() - 1 < lastPage;
    }

    /**
     * "users 101-300, more as you scroll", "users 401-450 (the last)", "42 users (all loaded)", with ", loading..."
     * while a page is read.
     */
    String describe() {
        int rows = loadedRows();
        if (rows == 0 && loading) {
            return "loading the first users...";
        }
        String text;
        if (firstPage == 0 && !moreBelow()) {
            text = Plural.of(rows, "user", "users") + " (all loaded)";
        } else {
            long from = (long) firstPage * pageSize + (rows == 0 ? 0 : 1);
            text = "users " + from + "-" + (from + rows - (rows == 0 ? 0 : 1))
                    + (moreBelow() ? ", more as you scroll" : " (the last)");
        }
        return text + (loading ? ", loading..." : "");
    }
}
