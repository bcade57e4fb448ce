package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    /** Made by bcryptjs 2.4 (the original app's library): {@code hashSync("legacy-pass-2a", 10)}. */
    static final String BCRYPTJS_2A = "$2a$10$ykIB146pc6J/gHogeOAlyu.fTkFHFuL9Do1F.l7StM0iCwLpbHi82";
    /** Made by bcryptjs 3: {@code hashSync("legacy-pass-2b", 10)}. */
    static final String BCRYPTJS_2B = "$2b$10$qaTmWm89vLhUTCqYYFfwnOSCk/ykOC.Y5HgzQLJJOeRUo6U9zem1.";
    /** Made by libxcrypt's crypt(3) (as PHP's password_hash writes): password "legacy-pass-2y". */
    static final String CRYPT_2Y = "$2y$10$abcdefghijklmnopqrstuuN8w/6LBzkQt7K0F3/P8cqid1RxyCF6u";

    private final PasswordHasher hasher = new PasswordHasher(10);

    @Test
    void hashesWithTheConfiguredCostAndChecksThem() {
        String hash = hasher.hash("correct horse");
        assertTrue(hash.startsWith("$2a$10$"), hash);
        assertTrue(PasswordHasher.isBcryptHash(hash));
        assertTrue(hasher.matches("correct horse", hash));
        assertFalse(hasher.matches("correct horsE", hash));
    }

    @Test
    void checksHashesFromOtherBcryptImplementations() {
        assertTrue(hasher.matches("legacy-pass-2a", BCRYPTJS_2A));
        assertTrue(hasher.matches("legacy-pass-2b", BCRYPTJS_2B));
        assertTrue(hasher.matches("legacy-pass-2y", CRYPT_2Y));
        assertFalse(hasher.matches("legacy-pass-2a", BCRYPTJS_2B));
        assertFalse(hasher.matches("wrong", CRYPT_2Y));
    }

    @Test
    void aStoredValueThatIsNotAHashIsReportedNotMatched() {
        for (String notAHash : new String[] {"plaintext", "", "$2x$10$abc", "$2a$10$short"}) {
            ConsoleException e = assertThrows(ConsoleException.class, () -> hasher.matches("plaintext", notAHash));
            assertEquals(Problem.UNUSABLE_STORED_HASH, e.problem());
        }
        assertThrows(ConsoleException.class, () -> hasher.matches("x", null));
    }
}
