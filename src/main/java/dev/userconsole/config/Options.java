package dev.userconsole.config;

import java.nio.file.Path;

/** Command-line overrides; {@code null} (or {@code false}) means "not given". */
public record Options(String endpoint, String table, boolean embedded, Path dataDir, String region, String profile,
                      boolean readOnly, Path auditLog) {

    public Options(String endpoint, String table, boolean embedded, Path dataDir, String region, String profile) {
        this(endpoint, table, embedded, dataDir, region, profile, false, null);
    }

    public static Options none() {
        return new Options(null, null, false, null, null, null);
    }
}
