package dev.userconsole.users;

import java.util.Locale;

/** Which users a filter keeps: its text, ignoring case, anywhere in the email, first name or last name. */
public record UserFilter(String needle) {

    public static UserFilter of(String text) {
        return new UserFilter(text.strip().toLowerCase(Locale.ROOT));
    }

    public boolean isEmpty() {
        return needle.isEmpty();
    }

    public boolean matches(User user) {
        return contains(user.emailAddress()) || contains(user.firstName()) || contains(user.lastName());
    }

    private boolean contains(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }
}
