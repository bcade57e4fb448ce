package dev.userconsole.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dotenv files declare ({@code ./.env}, then the installed layout's {@code settings.env}): each key
 * from the first file giving it a value that is not empty, with the name of that file, for sentences saying
 * where a setting came from.
 *
 * @param warnings one sentence for each file holding a secret key that others can read
 */
record DotenvValues(Map<String, String> values, Map<String, String> origins, List<String> warnings) {
    private static final String DOTENV = ".env";

    DotenvValues {
        values = Map.copyOf(values);
        origins = Map.copyOf(origins);
        warnings = List.copyOf(warnings);
    }

    /** Values given as they are, as if from {@code .env}. */
    static DotenvValues of(Map<String, String> values) {
        return new DotenvValues(values, Map.of(), List.of());
    }

    /** Reads the files in order; a missing one declares nothing, a malformed one is refused naming it. */
    static DotenvValues read(List<Path> files) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Path file : files) {
            Map<String, String> declared = DotenvFile.readFile(file);
            EnvFilePermissions.warning(file, declared).ifPresent(warnings::add);
            declared.forEach((key, value) -> {
                if (isBlank(values.get(key))) {
                    values.put(key, value);
                    origins.put(key, file.getFileName().toString());
                }
            });
        }
        return new DotenvValues(values, origins, warnings);
    }

    /** The value, or {@code null} when no file gives one that is not empty. */
    String get(String key) {
        String value = values.get(key);
        return isBlank(value) ? null : value;
    }

    /** The name of the file the key's value came from: {@code .env} or {@code settings.env}. */
    String origin(String key) {
        return origins.getOrDefault(key, DOTENV);
    }

    DotenvValues without(List<String> keys) {
        Map<String, String> rest = new HashMap<>(values);
        keys.forEach(rest::remove);
        return new DotenvValues(rest, origins, warnings);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
