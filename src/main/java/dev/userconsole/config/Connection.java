package dev.userconsole.config;

import java.nio.file.Path;

/**
 * One named place from the connections file: where the users are (an endpoint, a region, or the embedded
 * database), how to sign in, which table, and whether it is production. {@code null} means "not named".
 */
public record Connection(String name, String endpoint, String region, boolean embedded, Path dataDir,
                         String profile, String table, boolean readOnly, boolean production) {

    /**
     * The command-line options with this connection's values filled in where the options say nothing:
     * what is typed on the command line wins over the connection.
     */
    Options under(Options options) {
        boolean placeTyped = options.endpoint() != null || options.region() != null || options.embedded();
        return new Options(
                options.endpoint() != null || options.embedded() ? options.endpoint() : endpoint,
                options.table() != null ? options.table() : table,
                options.embedded() || (embedded && !placeTyped),
                options.dataDir() != null ? options.dataDir() : dataDir,
                options.region() != null || options.embedded() ? options.region() : region,
                options.profile() != null ? options.profile() : profile,
                options.readOnly() || readOnly,
                options.auditLog(),
                options.connection(),
                options.write());
    }

    /** Names a region and no endpoint (or the embedded database): endpoint variables must not redirect it. */
    boolean ownsPlace() {
        return embedded || (region != null && endpoint == null);
    }
}
