package dev.userconsole.text;

import dev.userconsole.errors.InvalidInputException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * File names given as text (arguments, environment, .env). The JVM encodes file names with the charset of
 * the locale it started in, so under {@code LANG=C} a name such as {@code Zoë.csv} cannot be opened at all:
 * that is refused in a sentence that says how to fix it and does not repeat the name.
 */
public final class FileNames {
    private FileNames() {
    }

    /** The path {@code name} names; {@code field} says where it came from, for the refusal. */
    public static Path of(String name, String field) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(field, "the locale the program started in ("
                    + System.getProperty("sun.jnu.encoding") + ") cannot encode this file name; start it in a"
                    + " UTF-8 locale, for example with LC_ALL=C.UTF-8 (scripts/user-console does so by itself)");
        }
    }
}
