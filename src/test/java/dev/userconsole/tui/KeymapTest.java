package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.users.NewUser;
import dev.userconsole.users.UserController;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keys as data: every screen's keys are one table each, and the key handling, the footers, the menus' items
 * and the help all come from those tables; the help fits an 80x24 terminal.
 */
class KeymapTest {
    private final String table = LocalDynamoDb.freshTableName();
    private UserController store;
    private VirtualConsole console;

    @BeforeEach
    void setUp() {
        store = LocalDynamoDb.controller(table);
        store.createTable(false);
    }

    @AfterEach
    void tearDown() {
        if (console != null) {
            console.close();
        }
        store.close();
    }

    /** Every key table a screen declares: the static Keymap fields of the console's classes. */
    private static List<Keymap<?>> declaredKeymaps() throws Exception {
        List<Keymap<?>> found = new ArrayList<>();
        Path classes = Path.of(KeymapTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolveSibling("classes").resolve("dev/userconsole/tui");
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("dev.userconsole.tui." + name, false,
                        KeymapTest.class.getClassLoader());
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && field.getType() == Keymap.class) {
                        field.setAccessible(true);
                        found.add((Keymap<?>) field.get(null));
                    }
                }
            }
        }
        return found;
    }

    @Test
    void everyKeyTableIsInTheHelpAndEveryRowOfItIsThere() throws Exception {
        List<Keymap<?>> declared = declaredKeymaps();
        assertTrue(declared.size() >= 15, "found only " + declared.size() + " key tables");
        Set<Keymap<?>> inHelp = new HashSet<>(Help.SCREENS);
        String missing = declared.stream().filter(keys -> !inHelp.contains(keys)).map(Keymap::screen)
                .collect(Collectors.joining(", "));
        assertEquals("", missing, "key tables not in the help");

        String help = Help.text(Help.WIDTH);
        for (Keymap<?> keys : declared) {
            assertTrue(help.contains(keys.screen() + "\n"), keys.screen());
            for (KeyBinding<?> binding : keys.bindings()) {
                String firstWords = binding.label().split(" ")[0];
                assertTrue(help.lines().anyMatch(line -> line.contains(binding.shown()) && line.contains(firstWords)),
                        keys.screen() + ": " + binding.shown() + " " + binding.label() + " not in the help");
            }
        }
        for (String line : help.split("\n")) {
            assertTrue(line.length() <= Help.WIDTH, "too wide for the help: " + line);
        }
    }

    @Test
    void everyDialogTableSaysWhatEscDoes() throws Exception {
        for (Keymap<?> keys : declaredKeymaps()) {
            if (keys == MenuView.KEYS || keys == ConsoleUi.KEYS) {
                continue; // the menu has nothing to go back to; Esc in the global table documents the rule
            }
            assertTrue(keys.bindings().stream().anyMatch(b -> b.keys().contains(Key.ESCAPE)),
                    keys.screen() + " does not say what Esc does");
        }
    }

    @Test
    void theHelpFitsEightyByTwentyFourWithNoSidewaysScrollAndEveryLineCanBeRead() {
        console = new VirtualConsole(80, 24, () -> LocalDynamoDb.controller(table), table);
        console.waitFor("Insert user");
        console.type("?");
        String first = console.waitFor("Everywhere");
        assertTrue(first.contains("\u25bc"), "a help longer than the screen scrolls down:\n" + first);
        StringBuilder seen = new StringBuilder(first);
        for (int i = 0; i < 12; i++) {
            console.press(KeyType.PageDown);
            String frame = console.text();
            assertFalse(frame.contains("\u25c4") || frame.contains("\u25ba"), "a sideways scroll bar:\n" + frame);
            seen.append(frame);
        }
        String frames = seen.toString();
        for (String line : Help.text(Help.WIDTH).split("\n")) {
            assertTrue(frames.contains(line.strip()), "not readable in full: " + line);
        }
        console.press(KeyType.Escape);
        console.waitFor("help closed", text -> !text.contains("Everywhere"));
    }

    @Test
    void theFooterIsTheTablesRowsAndItsKeysDoWhatItSays() {
        store.insert(new NewUser("amy@example.com", "Amy", "Able", "password-1"));
        store.insert(new NewUser("bob@example.com", "Bob", "Baker", "password-1"));
        console = new VirtualConsole(80, 24, () -> LocalDynamoDb.controller(table), table);
        console.waitFor("Insert user");
        console.waitFor("the menu's footer, once not busy", text -> footer().contains("q Quit  ?, F1 help"));

        console.type("r");
        console.waitFor("2 users (all loaded)");
        String footer = console.waitFor("not busy", text -> footer().contains("help")).lines().reduce((a, b) -> b)
                .orElse("");
        for (String hint : new String[] {"Enter details", "/ filter", "s sort", "r reload", "i insert", "Esc back",
                "?, F1 help"}) {
            assertTrue(footer.contains(hint), hint + " not in " + footer);
        }
        console.type("s");
        console.waitFor("sorted by email");
        console.type("S");
        console.waitFor("(descending)");

        // typing a filter: the footer changes to the filter's rows, and letters go into the field
        console.type("/");
        console.waitFor("filter footer", text -> footer().contains("Enter keep the filter"));
        console.type("bob?:");
        String typed = console.waitFor("Filter (/): bob?:");
        assertFalse(typed.contains("Everywhere") || typed.contains("Switch connection"), typed);
        console.press(KeyType.Escape);
        console.waitFor("table footer", text -> footer().contains("s sort"));
        console.type("q");
        console.waitFor("Insert user");
    }

    @Test
    void readOnlyLeavesWritesOutOfFootersAndMarksThemInMenus() {
        console = new VirtualConsole(80, 24, () -> LocalDynamoDb.controller(table), table, true);
        String menu = console.waitFor("Insert user");
        assertTrue(console.lineWith("Insert user").contains("i   Insert user  (disabled: read-only)"), menu);
        assertFalse(console.lineWith("Read users").contains("disabled"), menu);
        console.type("r");
        console.waitFor("0 users (all loaded)");
        assertFalse(footer().contains("i insert"), footer());
        console.type("i");
        console.waitFor("Read-only: nothing can be changed here");
    }

    private String footer() {
        return console.footer();
    }
}
