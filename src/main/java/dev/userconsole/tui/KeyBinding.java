package dev.userconsole.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One row of a screen's key table: the keys, what they do, and when. The key handling, the footer's hints,
 * menu items and the {@code ?} help are all made from these rows, so they cannot disagree.
 *
 * @param keys     what the binding answers to; empty for a row that only documents what a component does
 *                 itself (Tab between buttons, Up/Down in a list)
 * @param shown    how help and footers name the keys ("Up/Down", "Esc, q")
 * @param label    what it does, as the help says it
 * @param brief    what the footer says instead, where the label is too long for it
 * @param action   run with the screen; {@code null} when the component or the dialog frame does the work
 * @param when     whether the binding applies to the screen as it is now (a selection, a locked user)
 * @param writes   refused in read-only mode: left out of footers, marked in menus and help
 * @param inFooter whether the footer names it (help always does)
 * @param closes   Esc on a dialog: the dialog frame closes it
 */
record KeyBinding<T>(List<Key> keys, String shown, String label, String brief, Consumer<? super T> action,
                     Predicate<? super T> when,
                     boolean writes, boolean inFooter, boolean closes) {

    /** A key that runs {@code action}, named as the key itself is. */
    static <T> KeyBinding<T> on(Key key, String label, Consumer<T> action) {
        return new KeyBinding<>(List.of(key), key.name(), label, label, action, any -> true, false, true, false);
    }

    /** Several keys for one action, named as {@code shown}. */
    static <T> KeyBinding<T> on(String shown, String label, Consumer<T> action, Key... keys) {
        return new KeyBinding<>(List.of(keys), shown, label, label, action, any -> true, false, true, false);
    }

    /** A row for help and footer only: the focused component handles these keys. */
    static <T> KeyBinding<T> described(String shown, String label) {
        return new KeyBinding<>(List.of(), shown, label, label, null, any -> true, false, true, false);
    }

    /** Esc on a dialog: closes it, saying what that means here ("cancel", "back"). */
    static <T> KeyBinding<T> escape(String label) {
        return new KeyBinding<>(List.of(Key.ESCAPE), Key.ESCAPE.name(), label, label, null, any -> true, false, true,
                true);
    }

    /** Says {@code footer} in the footer, the full label in help. */
    KeyBinding<T> brief(String footer) {
        return new KeyBinding<>(keys, shown, label, footer, action, when, writes, inFooter, closes);
    }

    KeyBinding<T> writing() {
        return new KeyBinding<>(keys, shown, label, brief, action, when, true, inFooter, closes);
    }

    /** Applies only when {@code condition} holds for the screen; narrows the binding to that screen's type. */
    <S extends T> KeyBinding<S> onlyWhen(Predicate<? super S> condition) {
        return new KeyBinding<S>(keys, shown, label, brief, action, condition, writes, inFooter, closes);
    }

    KeyBinding<T> helpOnly() {
        return new KeyBinding<>(keys, shown, label, brief, action, when, writes, false, closes);
    }

    boolean matches(KeyStroke stroke) {
        return keys.stream().anyMatch(key -> key.matches(stroke));
    }

    boolean appliesTo(T target) {
        return when.test(target);
    }

    /** "  u   Update", and "(disabled: read-only)" after a write in read-only mode: a menu item's text. */
    String itemText(boolean readOnly) {
        return "  " + shown + "   " + label + (writes && readOnly ? "  (disabled: read-only)" : "");
    }
}
