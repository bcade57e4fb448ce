package dev.userconsole.users.bulk;

/**
 * Where a bulk password reset puts each generated password, the moment it is set: a face's owner-only file.
 * Nothing else ever sees them (not the report, the audit log or the program log).
 */
@FunctionalInterface
public interface NewPasswords {
    void add(String email, String password);
}
