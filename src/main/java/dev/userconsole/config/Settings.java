package dev.userconsole.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the program needs to know before it connects, resolved from options, environment and {@code .env}.
 *
 * @param readOnly every write is refused (and audited as refused)
 * @param auditLog the file every write attempt is appended to, one JSON line each
 */
public record Settings(Target target, String tableName, int bcryptCost, Duration callTimeout, Path logDir,
                       boolean readOnly, Path auditLog) {

    public static final String DEFAULT_TABLE = "User";
    public static final int DEFAULT_BCRYPT_COST = 12;
    public static final int MIN_BCRYPT_COST = 10;
    public static final int MAX_BCRYPT_COST = 16;
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);
    public static final String AUDIT_FILE_NAME = "audit.jsonl";

    /** Writable, auditing to {@code logDir/audit.jsonl}. */
    public Settings(Target target, String tableName, int bcryptCost, Duration callTimeout, Path logDir) {
        this(target, tableName, bcryptCost, callTimeout, logDir, false, logDir.resolve(AUDIT_FILE_NAME));
    }

    /** "table User on endpoint http://... (credentials: ...)": where every run says it is connected. */
    public String describeConnection() {
        String credentials = target.credentialsSource();
        return "table " + tableName + " on " + target.describe()
                + (credentials.isEmpty() ? "" : " (credentials: " + credentials + ")");
    }
}
