package dev.userconsole.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the program needs to know before it connects, resolved from options, environment and {@code .env}.
 *
 * @param readOnly every write is refused (and audited as refused)
 * @param auditLog the file every write attempt is appended to, one JSON line each
 * @param minPasswordLength the fewest characters a new password may have ({@code MIN_PASSWORD_LENGTH})
 * @param trashTable where deleted users are kept ({@code TRASH_TABLE}, default the table's name + "-trash")
 * @param trashDays how long the trash keeps them before DynamoDB expires them ({@code TRASH_DAYS})
 */
public record Settings(Target target, String tableName, int bcryptCost, Duration callTimeout, Path logDir,
                       boolean readOnly, Path auditLog, Connection connection, String readOnlyReason,
                       int minPasswordLength, String trashTable, int trashDays) {

    /** The default trash: the table's name + "-trash", kept {@link #DEFAULT_TRASH_DAYS} days. */
    public Settings(Target target, String tableName, int bcryptCost, Duration callTimeout, Path logDir,
                    boolean readOnly, Path auditLog, Connection connection, String readOnlyReason,
                    int minPasswordLength) {
        this(target, tableName, bcryptCost, callTimeout, logDir, readOnly, auditLog, connection, readOnlyReason,
                minPasswordLength, defaultTrashTable(tableName), DEFAULT_TRASH_DAYS);
    }

    /** Why writes are refused when no connection decided it. */
    public static final String READ_ONLY_OPTION = "--read-only or READ_ONLY=true";

    /** No connection chosen ({@code connection} is then {@code null}). */
    public Settings(Target target, String tableName, int bcryptCost, Duration callTimeout, Path logDir,
                    boolean readOnly, Path auditLog, int minPasswordLength) {
        this(target, tableName, bcryptCost, callTimeout, logDir, readOnly, auditLog, null, READ_ONLY_OPTION,
                minPasswordLength);
    }

    /** No connection chosen, and the default password length. */
    public Settings(Target target, String tableName, int bcryptCost, Duration callTimeout, Path logDir,
                    boolean readOnly, Path auditLog) {
        this(target, tableName, bcryptCost, callTimeout, logDir, readOnly, auditLog, DEFAULT_MIN_PASSWORD_LENGTH);
    }

    public static final String DEFAULT_TABLE = "User";
    public static final int DEFAULT_BCRYPT_COST = 12;
    public static final int MIN_BCRYPT_COST = 10;
    public static final int MAX_BCRYPT_COST = 16;
    /** NIST SP 800-63B's minimum; it advises 15 where the password is the only factor. */
    public static final int DEFAULT_MIN_PASSWORD_LENGTH = 8;
    public static final int MIN_MIN_PASSWORD_LENGTH = 8;
    /** NIST asks verifiers to allow at least 64 characters, so no policy may demand more. */
    public static final int MAX_MIN_PASSWORD_LENGTH = 64;
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);
    public static final String AUDIT_FILE_NAME = "audit.jsonl";
    public static final int DEFAULT_TRASH_DAYS = 30;
    public static final int MAX_TRASH_DAYS = 3650;

    public static String defaultTrashTable(String tableName) {
        return tableName + "-trash";
    }

    /** These settings with this trash. */
    public Settings withTrash(String table, int days) {
        return new Settings(target, tableName, bcryptCost, callTimeout, logDir, readOnly, auditLog, connection,
                readOnlyReason, minPasswordLength, table, days);
    }

    /** Writable, auditing to {@code logDir/audit.jsonl}. */
    public Settings(Target target, String tableName, int bcryptCost, Duration callTimeout, Path logDir) {
        this(target, tableName, bcryptCost, callTimeout, logDir, false, logDir.resolve(AUDIT_FILE_NAME));
    }

    /**
     * These settings on a connection: read-only when the connection says so, and a production connection
     * read-only unless writes were allowed ({@code --write}, or its name typed in the console's switcher).
     */
    Settings on(Connection chosen, boolean writeAllowed) {
        boolean productionLocked = chosen.production() && !writeAllowed;
        String reason = readOnly ? (chosen.readOnly() ? "connection " + chosen.name() + " has read_only = true"
                : readOnlyReason) : "connection " + chosen.name() + " is production; give --write to change it";
        return new Settings(target, tableName, bcryptCost, callTimeout, logDir, readOnly || productionLocked,
                auditLog, chosen, reason, minPasswordLength, trashTable, trashDays);
    }

    /** "table User", or "table User on production" on a connection: what confirmations name. */
    public String place() {
        return "table " + tableName + (connection == null ? "" : " on " + connection.name());
    }

    /** "table User on endpoint http://... (credentials: ...)": where every run says it is connected. */
    public String describeConnection() {
        String credentials = target.credentialsSource();
        return (connection == null ? "" : "connection " + connection.name() + ": ")
                + "table " + tableName + " on " + target.describe()
                + (credentials.isEmpty() ? "" : " (credentials: " + credentials + ")");
    }
}
