package dev.userconsole.config;

import java.nio.file.Path;

/**
 * Command-line overrides; {@code null} (or {@code false}) means "not given".
 *
 * @param connection the name of a connection in the connections file ({@code --connection})
 * @param write      a production connection may write ({@code --write})
 */
public record Options(String endpoint, String table, boolean embedded, Path dataDir, String region, String profile,
                      boolean readOnly, Path auditLog, String connection, boolean write) {

    public Options(String endpoint, String table, boolean embedded, Path dataDir, String region, String profile,
                   boolean readOnly, Path auditLog) {
        this(endpoint, table, embedded, dataDir, region, profile, readOnly, auditLog, null, false);
    }

    public Options(String endpoint, String table, boolean embedded, Path dataDir, String region, String profile) {
        this(endpoint, table, embedded, dataDir, region, profile, false, null);
    }

    public static Options none() {
        return new Options(null, null, false, null, null, null);
    }

    /** These options with a connection chosen, as the console's switcher does. */
    public Options withConnection(String name, boolean writeAllowed) {
        return new Options(endpoint, table, embedded, dataDir, region, profile, readOnly, auditLog, name, writeAllowed);
    }
}
