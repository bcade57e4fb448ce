package dev.userconsole.load;

import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.users.NewUser;
import dev.userconsole.users.UserController;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Inserts users one by one into the embedded database until killed, printing each email as soon as its
 * insert is acknowledged. Arguments: DATA_DIR PREFIX.
 */
public final class InsertStream {
    private InsertStream() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        try (UserController users = UserController.open(settings(dataDir))) {
            for (int i = 0; ; i++) {
                String email = args[1] + "-" + i + "@crash.test";
                users.insert(new NewUser(email, firstName(email), "Crash", password(email)));
                System.out.println(email);
                System.out.flush();
            }
        }
    }

    static Settings settings(Path dataDir) {
        return new Settings(new Target.Embedded(dataDir), Settings.DEFAULT_TABLE, Settings.MIN_BCRYPT_COST,
                Duration.ofSeconds(30), dataDir.resolveSibling("logs"));
    }

    static String firstName(String email) {
        return "F" + email.substring(0, email.indexOf('@'));
    }

    static String password(String email) {
        return "pw-" + email;
    }
}
