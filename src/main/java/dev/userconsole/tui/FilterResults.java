package dev.userconsole.tui;

import dev.userconsole.text.Plural;
import dev.userconsole.users.User;
import java.util.ArrayList;
import java.util.List;

/**
 * The filter's matches as its search streams them in, and how far the search got, without a screen. Each
 * search has a number; what an older search still sends once a new one started is ignored.
 */
final class FilterResults {
    private final int maxMatches;
    private final List<User> matches = new ArrayList<>();
    private int search;
    private boolean complete = true;
    private long scanned;
    private String units = "";
    private boolean throttled;
    /** Why the filter's text is not a query ("filter: at column 9, ..."), or empty. */
    private String refusal = "";

    FilterResults(int maxMatches) {
        this.maxMatches = maxMatches;
    }

    /** Forgets the matches and starts counting a new search; returns its number. */
    int start() {
        stop();
        matches.clear();
        complete = false;
        scanned = 0;
        units = "";
        throttled = false;
        refusal = "";
        return search;
    }

    /** Ignores whatever the running search still sends. */
    void stop() {
        search++;
    }

    /** The filter's text is not a query: no matches, and the reason instead of the counts. */
    void refuse(String reason) {
        stop();
        matches.clear();
        complete = true;
        refusal = reason;
    }

    /** The filter's text is a query again: the reason it was not goes. */
    void parsed() {
        refusal = "";
    }

    /** @return whether the matches changed (the rows must be drawn again) */
    boolean add(int from, List<User> found, long scannedSoFar, boolean throttledNow) {
        if (from != search) {
            return false;
        }
        throttled = throttledNow;
        scanned = scannedSoFar;
        matches.addAll(found);
        return !found.isEmpty();
    }

    /** @return whether this was the running search */
    boolean finish(int from, String readUnits) {
        if (from != search) {
            return false;
        }
        complete = true;
        units = readUnits;
        return true;
    }

    List<User> matches() {
        return List.copyOf(matches);
    }

    int size() {
        return matches.size();
    }

    /** "12 matches in 2,000 users; 3.5 read units", "... still searching...", or why it is not a query. */
    String describe() {
        if (!refusal.isEmpty()) {
            return refusal;
        }
        String progress = complete ? (matches.size() >= maxMatches ? " (the first " + maxMatches
                + "; narrow the filter)" : "") + units
                : throttled ? ", throttled, waiting..." : ", still searching...";
        return Plural.of(matches.size(), "match", "matches") + " in " + Plural.of(scanned, "user", "users") + progress;
    }

    boolean refused() {
        return !refusal.isEmpty();
    }
}
