package dev.userconsole.users.health;

/**
 * What a stored password value that is not a bcrypt hash looks like, from its prefix only: the value itself
 * is never shown. {@code $1$} is md5-crypt, {@code $5$}/{@code $6$} sha-crypt, {@code $argon2} and
 * {@code $pbkdf2} (and Django's {@code pbkdf2_sha256$}) their schemes; a {@code $2} prefix that is not a whole
 * hash is a damaged bcrypt hash.
 */
final class HashScheme {
    private HashScheme() {
    }

    static String of(String value) {
        if (value.startsWith("$2")) {
            return "a damaged bcrypt hash";
        }
        if (value.startsWith("$argon2")) {
            return "an argon2 hash";
        }
        if (value.startsWith("$pbkdf2") || value.startsWith("pbkdf2_")) {
            return "a pbkdf2 hash";
        }
        if (value.startsWith("$1$")) {
            return "an md5-crypt hash";
        }
        if (value.startsWith("$5$") || value.startsWith("$6$")) {
            return "a sha-crypt hash";
        }
        if (value.startsWith("$")) {
            return "a hash of another scheme";
        }
        return "plaintext or an unknown format";
    }
}
