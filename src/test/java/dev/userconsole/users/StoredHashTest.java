package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoredHashTest {

    @Test
    void describesBcryptRevisionsAndCosts() {
        assertEquals("bcrypt $2a$, cost 10", StoredHash.of(PasswordHasherTest.BCRYPTJS_2A).describe());
        assertEquals("bcrypt $2b$, cost 10", StoredHash.of(PasswordHasherTest.BCRYPTJS_2B).describe());
        assertEquals("bcrypt $2y$, cost 10", StoredHash.of(PasswordHasherTest.CRYPT_2Y).describe());
        StoredHash cheap = StoredHash.of("$2a$04$" + PasswordHasherTest.BCRYPTJS_2A.substring(7));
        assertEquals(4, cheap.cost());
        assertTrue(cheap.weakerThan(10));
        assertFalse(StoredHash.of(PasswordHasherTest.BCRYPTJS_2A).weakerThan(10));
    }

    @Test
    void describesWhatIsNotABcryptHash() {
        assertEquals("no password", StoredHash.of(null).describe());
        assertEquals("empty", StoredHash.of("").describe());
        assertEquals("not a bcrypt hash", StoredHash.of("hunter2hunter2").describe());
        assertEquals("not a bcrypt hash", StoredHash.of(PasswordHasherTest.BCRYPTJS_2A.substring(0, 59)).describe());
        assertEquals("not a bcrypt hash", StoredHash.of("$2x$10$" + PasswordHasherTest.BCRYPTJS_2A.substring(7)).describe());
        assertFalse(StoredHash.of("$2a$10$short").isBcrypt());
    }

    @Test
    void theLockPrefixIsAddedOnceAndRemovedExactly() {
        String locked = StoredHash.lock(PasswordHasherTest.BCRYPTJS_2A);
        assertEquals("!" + PasswordHasherTest.BCRYPTJS_2A, locked);
        assertEquals(locked, StoredHash.lock(locked));
        assertEquals("locked (bcrypt $2a$, cost 10)", StoredHash.of(locked).describe());
        assertTrue(StoredHash.of(locked).locked());
        assertFalse(PasswordHasher.isBcryptHash(locked));
        assertEquals(PasswordHasherTest.BCRYPTJS_2A, StoredHash.unlock(locked));
        assertEquals(PasswordHasherTest.BCRYPTJS_2A, StoredHash.unlock(PasswordHasherTest.BCRYPTJS_2A));
        assertEquals("locked (empty)", StoredHash.of("!").describe());
    }
}
