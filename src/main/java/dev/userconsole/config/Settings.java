package dev.userconsole.config;

import java.nio.file.Path;
import java.time.Duration;

/** Everything the program needs to know before it connects, resolved from options, environment and {@code .env}. */
public record Settings(Target target, String tableName, int bcryptCost, Duration callTimeout, Path logDir) {

    public static final String DEFAULT_TABLE = "User";
    public static final int DEFAULT_BCRYPT_COST = 12;
    public static final int MIN_BCRYPT_COST = 10;
    public static final int MAX_BCRYPT_COST = 16;
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);

    /** "table User on endpoint http://... (credentials: ...)": where every run says it is connected. */
    public String describeConnection() {
        String credentials = target.credentialsSource();
        return "table " + tableName + " on " + target.describe()
                + (credentials.isEmpty() ? "" : " (credentials: " + credentials + ")");
    }
}
