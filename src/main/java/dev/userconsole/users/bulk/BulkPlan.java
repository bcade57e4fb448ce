package dev.userconsole.users.bulk;

import dev.userconsole.text.VisibleText;
import dev.userconsole.users.User;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bulk action will act on, as previewed: each user as it was read (its {@code dateUpdated} is the
 * version the write is conditional on), and the emails asked for that no user has.
 *
 * @param selection what chose the users: "filter domain:corp.example", "emails from list.txt"
 * @param items     the items the users were read from, for writes that need nothing more (the controller's)
 */
public record BulkPlan(BulkAction action, String selection, List<User> users, List<String> missing,
                       PlannedItems items) {

    public BulkPlan(BulkAction action, String selection, List<User> users, List<String> missing) {
        this(action, selection, users, missing, PlannedItems.NONE);
    }

    public int count() {
        return users.size();
    }

    /**
     * What a preview says: "Would lock 37 users of table User on prod (filter domain:corp.example):", the
     * first {@code shown} users, how many more, and the emails of a list that no user has.
     *
     * @param place the table and connection, as confirmations name them
     */
    public List<String> preview(String place, int shown) {
        List<String> lines = new ArrayList<>();
        lines.add("Would " + action.verb() + " " + users(count()) + " of " + place + " (" + VisibleText.of(selection)
                + "):");
        for (User user : first(shown)) {
            lines.add("  " + VisibleText.of(user.emailAddress()) + "  " + VisibleText.of(user.firstName()) + " "
                    + VisibleText.of(user.lastName()) + (user.locked() ? "  locked" : ""));
        }
        if (count() > shown) {
            lines.add("  ... and " + (count() - shown) + " more");
        }
        int absent = missing.size();
        if (absent > 0) {
            lines.add(absent + (absent == 1 ? " email of the list has" : " emails of the list have") + " no user: "
                    + VisibleText.of(String.join(", ", missing.subList(0, Math.min(shown, absent))))
                    + (absent > shown ? " and " + (absent - shown) + " more" : ""));
        }
        return lines;
    }

    /** "1 user", "37 users". */
    public static String users(int n) {
        return n + (n == 1 ? " user" : " users");
    }

    /** The first {@code n} users, for the preview. */
    public List<User> first(int n) {
        return users.subList(0, Math.min(n, users.size()));
    }
}
