package dev.userconsole.users;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a password must not be, NIST SP 800-63B's "context-specific words": the user's email, its local
 * part, first and last name, and the name of the table (the service). Any of them may be {@code null}.
 */
public record PasswordContext(String email, String firstName, String lastName, String tableName) {

    /** The context of a stored user on a table. */
    public static PasswordContext of(User user, String tableName) {
        return new PasswordContext(user.emailAddress(), user.firstName(), user.lastName(), tableName);
    }

    /** Each word (lower-cased, stripped, not empty) with what it is, as a refusal names it. */
    Map<String, String> words() {
        Map<String, String> words = new LinkedHashMap<>();
        add(words, email, "the user's email address");
        if (email != null && email.lastIndexOf('@') > 0) {
            add(words, email.substring(0, email.lastIndexOf('@')), "the local part of the user's email address");
        }
        add(words, firstName, "the user's first name");
        add(words, lastName, "the user's last name");
        add(words, tableName, "the table's name");
        return words;
    }

    private static void add(Map<String, String> words, String word, String what) {
        String normal = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        if (!normal.isEmpty()) {
            words.putIfAbsent(normal, what);
        }
    }
}
