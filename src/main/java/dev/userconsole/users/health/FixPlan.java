package dev.userconsole.users.health;

import java.util.List;

/** The users a fix is about to act on, as a scan found them: shown before it runs, confirmed, then applied. */
public record FixPlan(FixKind kind, List<Finding.Entry> targets) {

    public boolean isEmpty() {
        return targets.isEmpty();
    }
}
