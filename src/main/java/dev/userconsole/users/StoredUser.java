package dev.userconsole.users;

/**
 * A user with the stored password hash: only for exports made for backups and migrations, which must
 * ask for the hash explicitly. {@link #toString()} leaves the hash out.
 */
public record StoredUser(User user, String passwordHash) {

    @Override
    public String toString() {
        return "StoredUser[" + user + "]";
    }
}
