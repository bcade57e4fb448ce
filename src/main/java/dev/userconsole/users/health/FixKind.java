package dev.userconsole.users.health;

import dev.userconsole.users.audit.WriteAction;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The fixes the health report offers; {@link #code()} is what {@code doctor --fix} takes. */
public enum FixKind {
    LOCK("lock", WriteAction.FIX_LOCK, "Lock the accounts with weak or broken hashes"),
    KEYS("keys", WriteAction.FIX_KEYS, "Move items to their normalised keys"),
    DATES("dates", WriteAction.FIX_DATES, "Repair dates");

    private final String code;
    private final WriteAction action;
    private final String title;

    FixKind(String code, WriteAction action, String title) {
        this.code = code;
        this.action = action;
        this.title = title;
    }

    public String code() {
        return code;
    }

    /** How the audit log names a run of this fix. */
    public WriteAction action() {
        return action;
    }

    public String title() {
        return title;
    }

    public static Optional<FixKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
