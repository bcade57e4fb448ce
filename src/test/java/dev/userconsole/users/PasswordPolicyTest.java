package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    private static final PasswordContext ADA = new PasswordContext("ada.byron@example.com", "Ada", "Lovelace", "User");
    private static final PasswordPolicy POLICY = PasswordPolicy.DEFAULT;

    /** The refusal's reason, asserting it names the password field. */
    private static String refusal(PasswordPolicy policy, String password, PasswordContext context) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> policy.check(password, context));
        assertEquals("password", e.field());
        assertEquals("password: " + e.reason(), e.getMessage());
        assertFalse(password != null && !password.isEmpty() && e.getMessage().contains(password),
                "the refusal never quotes the password");
        return e.reason();
    }

    private static String refusal(String password) {
        return refusal(POLICY, password, ADA);
    }

    @Test
    void aLongUncommonPasswordPassesUnchanged() {
        assertEquals("tawny-owl glides at dusk", POLICY.check("tawny-owl glides at dusk", ADA));
        assertEquals(" spaces kept ", POLICY.check(" spaces kept ", ADA), "never trimmed or cut");
    }

    @Test
    void theDefaultMinimumIsEightCharactersCountedAsCodePoints() {
        assertEquals(8, POLICY.minLength());
        assertEquals("must be at least 8 characters", refusal("gh-7sq2"));
        assertEquals("gh-7sq2x", POLICY.check("gh-7sq2x", ADA));
        // 🙂 is two UTF-16 units but one character: seven of them are too few
        assertEquals("must be at least 8 characters", refusal("🙂🙂🙂🙂🙂🙂🙂"));
        assertEquals("🙂🙂🙂🙂🙂🙂🙂é", POLICY.check("🙂🙂🙂🙂🙂🙂🙂é", ADA));
        assertEquals("must be at least 8 characters", refusal(""));
        assertEquals("must be at least 8 characters", refusal(POLICY, null, ADA));
    }

    @Test
    void aRaisedMinimumIsApplied() {
        PasswordPolicy fifteen = new PasswordPolicy(15);
        assertEquals("must be at least 15 characters", refusal(fifteen, "gh-7sq2x-91kd", ADA));
        assertEquals("gh-7sq2x-91kd-q", fifteen.check("gh-7sq2x-91kd-q", ADA));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(7));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(65));
    }

    @Test
    void atMost72BytesInUtf8RefusedNeverCut() {
        String ascii72 = "q" + "p".repeat(71);
        assertEquals(ascii72, POLICY.check(ascii72, ADA));
        assertEquals("must be at most 72 bytes in UTF-8 (bcrypt ignores the rest)", refusal(ascii72 + "p"));
        // multibyte characters at the boundary: é is 2 bytes, 🙂 4, 密 3
        String e72 = "p".repeat(70) + "é";
        assertEquals(e72, POLICY.check(e72, ADA));
        assertEquals("must be at most 72 bytes in UTF-8 (bcrypt ignores the rest)", refusal("p".repeat(71) + "é"));
        assertEquals("p".repeat(68) + "🙂", POLICY.check("p".repeat(68) + "🙂", ADA));
        assertEquals("must be at most 72 bytes in UTF-8 (bcrypt ignores the rest)", refusal("p".repeat(69) + "🙂"));
        String cjk72 = "密".repeat(23) + "码";
        assertEquals(cjk72, POLICY.check(cjk72, ADA));
        assertEquals("must be at most 72 bytes in UTF-8 (bcrypt ignores the rest)", refusal(cjk72 + "密"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password\u0000x", "pass\u001b[31mword", "password-1\rrest", "tab\tin-password",
            "del\u007fin-password"})
    void controlCharactersAreRefused(String password) {
        assertEquals("contains control characters", refusal(password));
    }

    @Test
    void noCompositionRules() {
        // only lower-case letters, only digits (not a run, not common), only symbols, only non-Latin letters
        for (String password : List.of("tawnyowlglides", "80417729", "%-!+=#*&", "безопасность", "パスワードですよ")) {
            assertEquals(password, POLICY.check(password, ADA), password);
        }
    }

    @Test
    void oneCharacterRepeatedAndRunsOfConsecutiveCharactersAreRefused() {
        assertEquals("is one character repeated, which is guessed at once", refusal("aaaaaaaaaaaaaaaaaa"));
        assertEquals("is one character repeated, which is guessed at once", refusal("密".repeat(20)));
        String run = "is a run of consecutive characters (like abcdefgh or 87654321), which is guessed at once";
        assertEquals(run, refusal("abcdefghijk"));
        assertEquals(run, refusal("ZYXWVUTSRQ"));
        assertEquals(run, refusal("0123456789"));
        // a repeated pair or an almost-run is not refused by these rules
        assertEquals("abababababab", POLICY.check("abababababab", ADA));
        assertEquals("abcdefgz", POLICY.check("abcdefgz", ADA));
    }

    @Test
    void aCommonPasswordIsRefusedWithItsReasonInAnyCase() throws IOException {
        Set<String> list = listReadFromTheJar();
        assertTrue(list.contains("password1"), "the zxcvbn list holds password1");
        assertTrue(list.contains("iloveyou"), "the zxcvbn list holds iloveyou");
        assertEquals("is one of the 30,000 most common passwords, which attackers try first", refusal("password1"));
        assertEquals("is one of the 30,000 most common passwords, which attackers try first", refusal("PassWord1"));
        assertEquals("is one of the 30,000 most common passwords, which attackers try first", refusal(" iloveyou "));
        assertEquals("passwordpassword1x", POLICY.check("passwordpassword1x", ADA), "only whole entries");
    }

    @Test
    void everyListedPasswordOfAcceptableLengthIsRefused() throws IOException {
        Set<String> list = listReadFromTheJar();
        assertEquals(30_000, list.size());
        assertEquals(list, CommonPasswords.read(), "the policy reads the same list");
        long refused = list.stream().filter(p -> p.length() >= 8).filter(p -> {
            try {
                POLICY.check(p, ADA);
                return false;
            } catch (InvalidInputException e) {
                return true;
            }
        }).count();
        assertEquals(list.stream().filter(p -> p.length() >= 8).count(), refused);
    }

    @Test
    void theListLoadsInWellUnderASecond() {
        CommonPasswords.read(); // the class and the jar's index, once
        long start = System.nanoTime();
        Set<String> list = CommonPasswords.read();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("common password list: " + list.size() + " entries read in " + millis + " ms");
        assertTrue(millis < 500, "read in " + millis + " ms");
        long lookups = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            CommonPasswords.contains("not-listed-" + i);
        }
        long perLookupNanos = (System.nanoTime() - lookups) / 100_000;
        assertTrue(perLookupNanos < 20_000, perLookupNanos + " ns per lookup");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada.byron@example.com", "Ada.Byron@Example.COM", "ada.byron", "ADA.BYRON",
            "ada.byron1999", "Lovelace", "lovelace1815!", " LOVELACE ", "useruser", "Adaada12"})
    void contextWordsAreRefused(String password) {
        PasswordContext longFirstName = new PasswordContext("ada.byron@example.com", "Adaada", "Lovelace", "useruser");
        String reason = refusal(POLICY, password, longFirstName);
        assertTrue(reason.startsWith("must not be the "), reason);
        assertTrue(reason.endsWith(", also not with digits or symbols added"), reason);
    }

    @Test
    void eachContextWordIsNamed() {
        PasswordContext context = new PasswordContext("grace.hopper@example.com", "Gracious", "Hopperton", "Users_prod");
        assertEquals("must not be the user's email address, also not with digits or symbols added",
                refusal(POLICY, "Grace.Hopper@example.com", context));
        assertEquals("must not be the local part of the user's email address, also not with digits or symbols added",
                refusal(POLICY, "grace.hopper2024", context));
        assertEquals("must not be the user's first name, also not with digits or symbols added",
                refusal(POLICY, "gracious!!", context));
        assertEquals("must not be the user's last name, also not with digits or symbols added",
                refusal(POLICY, "HOPPERTON", context));
        assertEquals("must not be the table's name, also not with digits or symbols added",
                refusal(POLICY, "users_prod99", context));
        // containing a context word, or it with letters added, is not refused: only the word and its stem
        assertEquals("gracious-owl-7", POLICY.check("gracious-owl-7", context));
        assertEquals("hoppertons", POLICY.check("hoppertons", context));
        // missing parts of the context are skipped
        assertEquals("hoppertonx", POLICY.check("hoppertonx", new PasswordContext(null, null, null, null)));
    }

    private static Set<String> listReadFromTheJar() throws IOException {
        String jar = System.getProperty("java.class.path").lines().flatMap(p -> List.of(p.split(java.io.File.pathSeparator)).stream())
                .filter(p -> p.endsWith("zxcvbn-1.9.0.jar")).findFirst().orElseThrow();
        try (ZipFile zip = new ZipFile(jar);
             InputStream in = zip.getInputStream(zip.getEntry("com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt"));
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return lines.lines().collect(Collectors.toSet());
        }
    }
}
