package dev.userconsole.tui;

import dev.userconsole.users.User;
import dev.userconsole.users.query.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users marked in Read users, for a bulk action: some marked one by one, or every match of a query
 * (also the matches not loaded yet, which the action reads when it starts). No screen in it.
 */
final class Marks {
    private final Map<String, User> marked = new LinkedHashMap<>();
    private Query everyMatch;

    /** Marks or unmarks one user; false, changing nothing, while every match of a query is marked. */
    boolean toggle(User user) {
        if (everyMatch != null) {
            return false;
        }
        if (marked.remove(user.emailAddress()) == null) {
            marked.put(user.emailAddress(), user);
        }
        return true;
    }

    /** Marks every user the query keeps, instead of the ones marked so far. */
    void markEveryMatch(Query query) {
        marked.clear();
        everyMatch = query;
    }

    void clear() {
        marked.clear();
        everyMatch = null;
    }

    /** The filter changed: "every match" meant the old one's matches, so that mark goes. */
    void filterChanged() {
        everyMatch = null;
    }

    boolean isEmpty() {
        return marked.isEmpty() && everyMatch == null;
    }

    /** Whether a row shown is marked (while every match is marked, every row the filter shows is). */
    boolean contains(User user) {
        return everyMatch != null || marked.containsKey(user.emailAddress());
    }

    /** The query whose every match is marked, if that is how the users were marked. */
    Optional<Query> everyMatch() {
        return Optional.ofNullable(everyMatch);
    }

    /** The users marked one by one, in the order they were marked. */
    List<User> users() {
        return List.copyOf(marked.values());
    }

    /** "3 marked", "every match marked", or empty. */
    String summary() {
        if (everyMatch != null) {
            return everyMatch.isEmpty() ? "every user marked" : "every match marked";
        }
        return marked.isEmpty() ? "" : marked.size() + " marked";
    }
}
