package dev.userconsole.users.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Which stored dates are in the original app's form, and which others have one certain instant. */
class DateRepairTest {
    @Test
    void theOriginalAppsFormIsCanonicalAndNothingElse() {
        assertTrue(DateRepair.canonical(AttributeValue.fromS("2023-09-20T14:03:11.123Z")));
        assertFalse(DateRepair.canonical(AttributeValue.fromS("2023-09-20T14:03:11Z")));
        assertFalse(DateRepair.canonical(AttributeValue.fromS("2023-02-30T14:03:11.123Z")), "no such day");
        assertFalse(DateRepair.canonical(AttributeValue.fromN("1695218591123")));
    }

    @ParameterizedTest
    @CsvSource({
            "2023-09-20T16:03:11+02:00, 2023-09-20T14:03:11.000Z",
            "2023-09-20T14:03:11Z, 2023-09-20T14:03:11.000Z",
            "2023-09-20T14:03:11.123456Z, 2023-09-20T14:03:11.123Z",
            "2023-09-20T09:03:11.5-05:00, 2023-09-20T14:03:11.500Z",
            "1695218591123, 2023-09-20T14:03:11.123Z",
            "1695218591, 2023-09-20T14:03:11.000Z"})
    void aDateWithOneCertainInstantIsRepairedToTheStoredForm(String stored, String repaired) {
        assertEquals(Optional.of(repaired), DateRepair.repaired(AttributeValue.fromS(stored)));
    }

    @Test
    void numbersAreUnixTimesInSecondsOrMilliseconds() {
        assertEquals(Optional.of("2023-09-20T14:03:11.123Z"), DateRepair.repaired(AttributeValue.fromN("1695218591123")));
        assertEquals(Optional.of("2023-09-20T14:03:11.500Z"), DateRepair.repaired(AttributeValue.fromN("1695218591.5")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-09-20T14:03:11", "2023-09-20", "20/09/2023", "yesterday", "", "-99999999999999"})
    void aDateWithoutACertainInstantIsOnlyReported(String stored) {
        assertEquals(Optional.empty(), DateRepair.repaired(AttributeValue.fromS(stored)));
    }

    @Test
    void otherSchemesAreNamedFromTheirPrefixOnly() {
        assertEquals("an argon2 hash", HashScheme.of("$argon2id$v=19$m=65536"));
        assertEquals("a pbkdf2 hash", HashScheme.of("pbkdf2_sha256$260000$salt$hash"));
        assertEquals("an md5-crypt hash", HashScheme.of("$1$saltsalt$x"));
        assertEquals("a sha-crypt hash", HashScheme.of("$6$rounds=5000$x"));
        assertEquals("a damaged bcrypt hash", HashScheme.of("$2a$10$short"));
        assertEquals("plaintext or an unknown format", HashScheme.of("letmein"));
    }
}
