package dev.userconsole.users;

/**
 * A password reset that took effect, with the generated password to show once; {@link #toString()} leaves
 * the password out.
 *
 * @param unlocked whether the reset lifted a lock (when asked to and the user was locked)
 */
public record NewPassword(Written written, String password, boolean unlocked) {

    @Override
    public String toString() {
        return "NewPassword[" + written + ", password=(hidden), unlocked=" + unlocked + "]";
    }
}
