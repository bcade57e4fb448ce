package dev.userconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.users.UserController;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers hold without exceptions: faces (tui/, cli/) call users/, which calls store/, which reads config/;
 * errors/ and text/ are shared leaves. Read from the compiled classes, not the imports: a class's constant
 * pool names every class it uses, also through a return type it never imports (a face calling
 * {@code describeTable().get().itemCount()} names the record that method returns).
 */
class LayeringTest {
    private static final String SDK = "software/amazon/awssdk/";

    /** What each package's classes must never name. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "tui", List.of(layer("store"), SDK, layer("cli")),
            "cli", List.of(layer("store"), SDK, layer("tui")),
            "users", List.of(layer("tui"), layer("cli")),
            "store", List.of(layer("users"), layer("tui"), layer("cli")),
            "config", List.of(layer("store"), layer("users"), layer("tui"), layer("cli")),
            "errors", List.of(layer("config"), layer("store"), layer("users"), layer("tui"), layer("cli")),
            "text", List.of(layer("config"), layer("store"), layer("users"), layer("tui"), layer("cli")));

    private static Path classes;

    @BeforeAll
    static void findClasses() throws URISyntaxException {
        classes = Path.of(UserController.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/userconsole");
    }

    private static String layer(String name) {
        return "dev/userconsole/" + name + "/";
    }

    @Test
    void noPackageNamesALayerAboveItOrBesideIt() {
        List<String> breaches = new ArrayList<>();
        for (Map.Entry<String, List<String>> rule : FORBIDDEN.entrySet()) {
            List<Path> files = classFiles(rule.getKey());
            assertFalse(files.isEmpty(), "no compiled classes found in " + rule.getKey() + "/ under " + classes);
            for (Path file : files) {
                String constants = constants(file);
                for (String forbidden : rule.getValue()) {
                    if (constants.contains(forbidden)) {
                        breaches.add(classes.relativize(file) + " names " + forbidden);
                    }
                }
            }
        }
        assertEquals(List.of(), breaches.stream().sorted().collect(Collectors.toList()),
                "what a face needs comes through users/, and nothing calls up");
    }

    /** The scan sees references where they are allowed, so finding none of the forbidden ones means something. */
    @Test
    void theScanSeesTheReferencesThatAreAllowed() {
        assertTrue(anyNames("tui", layer("users")), "tui/ calls users/");
        assertTrue(anyNames("cli", layer("users")), "cli/ calls users/");
        assertTrue(anyNames("users", layer("store")), "users/ calls store/");
        assertTrue(anyNames("users", SDK), "users/ builds SDK requests");
        assertTrue(anyNames("store", layer("config")), "store/ reads config/");
        assertTrue(anyNames("tui", layer("config")), "tui/ reads config/ (the MFA question it answers lives there)");
    }

    private static boolean anyNames(String pkg, String prefix) {
        return classFiles(pkg).stream().anyMatch(file -> constants(file).contains(prefix));
    }

    private static List<Path> classFiles(String pkg) {
        try (Stream<Path> files = Files.walk(classes.resolve(pkg))) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class file read byte for byte as text: class names sit in its constant pool as plain ASCII. */
    private static String constants(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
