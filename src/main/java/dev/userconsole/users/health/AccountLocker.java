package dev.userconsole.users.health;

import dev.userconsole.users.Written;

/**
 * The controller's lock capability, as the lock fix calls it: locks the user stored under exactly this key
 * (a conditional, audited write), or throws a {@link dev.userconsole.errors.ConsoleException} saying why not.
 */
@FunctionalInterface
public interface AccountLocker {
    Written lock(String email, String reason);
}
