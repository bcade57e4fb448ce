package dev.userconsole.config;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the {@code .env} file of a directory (or another dotenv file): only what it declares, never the environment. */
public final class DotenvFile {
    private static final Pattern WELL_FORMED = Pattern.compile("\\s*(#.*)?|\\s*[A-Za-z_][A-Za-z0-9_.-]*\\s*=.*");

    private DotenvFile() {
    }

    public static Map<String, String> read(Path directory) {
        return read(directory.resolve(".env"), "The .env file in " + directory);
    }

    /** Reads a dotenv file of another name ({@code settings.env}); a refusal names the whole path. */
    public static Map<String, String> readFile(Path file) {
        return file.getFileName().toString().equals(".env") ? read(file.getParent())
                : read(file, "The settings file " + file);
    }

    private static Map<String, String> read(Path file, String named) {
        if (!Files.exists(file)) {
            // dotenv-java would then look for a .env resource in every jar on the class path: a tenth of a
            // second of start-up for nothing
            return Map.of();
        }
        try {
            Dotenv dotenv = Dotenv.configure().directory(file.getParent().toString())
                    .filename(file.getFileName().toString()).ignoreIfMissing().load();
            Map<String, String> values = new HashMap<>();
            for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
                values.put(entry.getKey(), unquote(entry.getValue()));
            }
            return values;
        } catch (DotenvException e) {
            // dotenv's own message quotes the offending line, which may hold a secret: say where, not what.
            throw new ConsoleException(Problem.CONFIGURATION, named + " cannot be read: " + badLine(file) + ".");
        }
    }

    /** dotenv-java removes double quotes but keeps single ones, which the original app's template uses. */
    private static String unquote(String value) {
        boolean singleQuoted = value.length() >= 2 && value.startsWith("'") && value.endsWith("'");
        return singleQuoted ? value.substring(1, value.length() - 1) : value;
    }

    private static String badLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
                return "it starts with a byte-order mark; save it as UTF-8 without one";
            }
            for (int i = 0; i < lines.size(); i++) {
                if (!WELL_FORMED.matcher(lines.get(i)).matches()) {
                    return "line " + (i + 1) + " is not KEY=VALUE";
                }
            }
            return "a value is not quoted correctly";
        } catch (IOException e) {
            return "it is not readable";
        }
    }
}
