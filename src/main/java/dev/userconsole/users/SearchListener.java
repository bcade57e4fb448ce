package dev.userconsole.users;

import java.util.List;

/** Told, batch by batch, what a search of the whole table has found while it runs. */
@FunctionalInterface
public interface SearchListener {

    /**
     * @param matches the matches found since the last call (possibly none)
     * @param scanned users scanned so far
     */
    void found(List<User> matches, long scanned);
}
