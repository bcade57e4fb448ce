package dev.userconsole.config;

import java.nio.file.Path;

/** Command-line overrides; {@code null} means "not given". */
public record Options(String endpoint, String table, boolean embedded, Path dataDir, String region, String profile) {

    public static Options none() {
        return new Options(null, null, false, null, null, null);
    }
}
