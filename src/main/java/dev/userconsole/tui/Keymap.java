package dev.userconsole.tui;

import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.input.KeyStroke;
import dev.userconsole.text.Wrap;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A screen's keys, declared once as data (as lazygit's controllers and k9s's views do): the screen's key
 * handling, its footer, its menu items and its part of the {@code ?} help all come from this table.
 *
 * @param <T> the screen the actions run on
 */
final class Keymap<T> {
    private final String screen;
    private final List<KeyBinding<? super T>> bindings;

    private Keymap(String screen, List<KeyBinding<? super T>> bindings) {
        this.screen = screen;
        this.bindings = List.copyOf(bindings);
    }

    @SafeVarargs
    static <T> Keymap<T> of(String screen, KeyBinding<? super T>... bindings) {
        return new Keymap<T>(screen, List.<KeyBinding<? super T>>of(bindings));
    }

    /** The help's heading for this table: which screen or dialog it belongs to. */
    String screen() {
        return screen;
    }

    List<KeyBinding<? super T>> bindings() {
        return bindings;
    }

    /**
     * Runs the binding {@code stroke} is for, if one applies now; a write in read-only mode says why instead.
     * While a text field has the keyboard, characters are typed into it, never taken as commands.
     */
    boolean handle(KeyStroke stroke, T target, ConsoleUi ui) {
        if (ui.typing() && Key.isTyped(stroke)) {
            return false;
        }
        for (KeyBinding<? super T> binding : bindings) {
            if (binding.action() != null && binding.appliesTo(target) && binding.matches(stroke)) {
                run(binding, target, ui);
                return true;
            }
        }
        return false;
    }

    /** Whether Esc is this dialog's "close" row: the dialog frame then closes it. */
    boolean escapeCloses(KeyStroke stroke) {
        return bindings.stream().anyMatch(binding -> binding.closes() && binding.matches(stroke));
    }

    private void run(KeyBinding<? super T> binding, T target, ConsoleUi ui) {
        if (binding.writes()) {
            ui.unlessReadOnly(() -> binding.action().accept(target));
        } else {
            binding.action().accept(target);
        }
    }

    /** The footer: each applicable row named there, "key brief", writes left out in read-only mode. */
    String hints(T target, boolean readOnly) {
        return bindings.stream()
                .filter(binding -> binding.inFooter() && binding.appliesTo(target) && !(binding.writes() && readOnly))
                .map(binding -> binding.shown() + " " + binding.brief()).collect(Collectors.joining("  "));
    }

    /** The rows with an action, as the items of a list (a menu): Enter on an item does what its key does. */
    void addItems(ActionListBox list, T target, ConsoleUi ui) {
        for (KeyBinding<? super T> binding : bindings) {
            if (binding.action() != null && binding.appliesTo(target)) {
                list.addItem(binding.itemText(ui.readOnly()), () -> run(binding, target, ui));
            }
        }
    }

    /** This table in the help: the heading, then a line per row, labels wrapped to {@code width}. */
    List<String> helpLines(int width) {
        int keyColumn = bindings.stream().mapToInt(b -> b.shown().length()).max().orElse(1);
        List<String> lines = new ArrayList<>();
        lines.add(screen);
        for (KeyBinding<? super T> binding : bindings) {
            String label = binding.label() + (binding.writes() ? " (writes)" : "");
            String keys = binding.shown();
            String indent = " ".repeat(2 + keyColumn + 2);
            List<String> wrapped = Wrap.lines(label, width - indent.length());
            lines.add("  " + keys + " ".repeat(keyColumn - keys.length() + 2) + wrapped.get(0));
            wrapped.stream().skip(1).forEach(line -> lines.add(indent + line));
        }
        return lines;
    }
}
