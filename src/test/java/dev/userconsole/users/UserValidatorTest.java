package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userconsole.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserValidatorTest {

    @Test
    void emailIsTrimmedAndLowerCased() {
        assertEquals("alice@example.com", UserValidator.email("  Alice@Example.COM "));
        assertEquals("a.b+tag@sub.example.co.uk", UserValidator.email("a.b+tag@sub.example.co.uk"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "alice", "alice@", "@example.com", "alice@example", "a b@example.com",
            "alice@exa mple.com", "alice@@example.com", "alice@example..com", "alice@-example.com",
            "аlice@example.com", "alice@example.com\u0000", "al\u001bice@example.com", ".alice@example.com"})
    void badEmailsAreRefused(String email) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> UserValidator.email(email));
        assertEquals("email", e.field());
    }

    @Test
    void emailLengthIsLimitedTo254() {
        String domain = "@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63) + ".com";
        String ok = "a".repeat(254 - domain.length()) + domain;
        assertEquals(254, ok.length());
        assertEquals(ok, UserValidator.email(ok));
        assertThrows(InvalidInputException.class, () -> UserValidator.email("a" + ok));
        assertThrows(InvalidInputException.class, () -> UserValidator.email("a".repeat(65) + "@example.com"));
    }

    @Test
    void namesAreTrimmedAndRequired() {
        assertEquals("Alice", UserValidator.firstName("  Alice\t"));
        assertEquals("山田 🙂", UserValidator.lastName("山田 🙂"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> UserValidator.firstName("  "));
        assertEquals("first name", e.field());
        assertThrows(InvalidInputException.class, () -> UserValidator.lastName(null));
    }

    @Test
    void namesAreLimitedTo100Characters() {
        assertEquals(100, UserValidator.firstName("山".repeat(100)).length());
        assertThrows(InvalidInputException.class, () -> UserValidator.firstName("x".repeat(101)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ali\u001b[31mce", "Bell\u0007", "Del\u007f", "C1\u009b", "Evil\u202eesrever",
            "two\nlines", "nul\u0000"})
    void namesWithControlCharactersAreRefused(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> UserValidator.lastName(name));
        assertEquals("last name", e.field());
    }

    @Test
    void lookupKeysAcceptUnnormalisedStoredKeys() {
        assertEquals(" Alice@Example.com ", UserValidator.lookupKey(" Alice@Example.com "));
        assertThrows(InvalidInputException.class, () -> UserValidator.lookupKey(""));
        assertThrows(InvalidInputException.class, () -> UserValidator.lookupKey("x".repeat(2049)));
    }
}
