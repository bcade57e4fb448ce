package dev.userconsole.users;

/**
 * One row of an import file. Exactly one of {@code password} (plaintext, to be hashed) and
 * {@code passwordHash} (bcrypt, for migrations) should be set; {@code problem} is set instead when the
 * line could not even be read. {@link #toString()} never shows a password or hash.
 */
public record ImportRow(long line, String email, String firstName, String lastName, String password,
                        String passwordHash, String problem) {

    public static ImportRow unreadable(long line, String problem) {
        return new ImportRow(line, null, null, null, null, null, problem);
    }

    @Override
    public String toString() {
        return "ImportRow[line " + line + ", " + email + "]";
    }
}
