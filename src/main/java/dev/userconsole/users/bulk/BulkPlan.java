package dev.userconsole.users.bulk;

import dev.userconsole.users.User;
import java.util.List;

/**
 * What a bulk action will act on, as previewed: each user as it was read (its {@code dateUpdated} is the
 * version the write is conditional on), and the emails asked for that no user has.
 *
 * @param selection what chose the users: "filter domain:corp.example", "emails from list.txt"
 */
public record BulkPlan(BulkAction action, String selection, List<User> users, List<String> missing) {

    public int count() {
        return users.size();
    }

    /** The first {@code n} users, for the preview. */
    public List<User> first(int n) {
        return users.subList(0, Math.min(n, users.size()));
    }
}
