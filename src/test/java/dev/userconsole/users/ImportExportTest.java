package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.testing.LocalDynamoDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportTest {
    private final String table = LocalDynamoDb.freshTableName();
    private UserController users;
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        users = LocalDynamoDb.controller(table);
        users.createTable(true);
    }

    @AfterEach
    void tearDown() {
        users.close();
    }

    private ImportReport importFile(String name, String content, boolean failOnExisting) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        try (ImportFile rows = ImportFile.open(file, null)) {
            return users.importUsers(rows, failOnExisting, new ImportProgress(ImportFile.countRows(file, null)));
        }
    }

    private static final String CSV = String.join("\n",
            "email,firstName,lastName,password,passwordHash",
            "Ann@Example.com ,Ann,Lee,ann-password,",
            "bob@example.com,Bob,Ray,," + PasswordHasherTest.BCRYPTJS_2B,
            "not-an-email,X,Y,password-1,",
            "ann@example.com,Twin,Ann,password-2,",
            "cy@example.com,Cy,Short,short,",
            "dee@example.com,,NoFirst,password-3,",
            "eve@example.com,Eve,Hash,,notahash",
            "fay@example.com,Fay,Both,password-4," + PasswordHasherTest.BCRYPTJS_2A,
            "\"gus@example.com\",\"Gus, Jr.\",\"O'Neil\",\"pass,word-5\",",
            "");

    @Test
    void aCsvImportWritesValidRowsAndReportsEveryInvalidOneByLine() throws IOException {
        ImportReport report = importFile("users.csv", CSV, false);
        assertEquals(3, report.imported());
        assertEquals(6, report.invalid());
        assertEquals(0, report.skipped());
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L),
                report.problems().stream().map(ImportReport.RowProblem::line).collect(Collectors.toList()));
        assertTrue(report.problems().get(1).reason().contains("already appears on line 2"), report.toString());
        assertEquals(Set.of("ann@example.com", "bob@example.com", "gus@example.com"),
                users.list().map(User::emailAddress).collect(Collectors.toSet()));
        assertTrue(users.checkPassword("ann@example.com", "ann-password"));
        assertTrue(users.checkPassword("bob@example.com", "legacy-pass-2b"), "pre-hashed rows keep their hash");
        assertTrue(users.checkPassword("gus@example.com", "pass,word-5"));
        assertEquals("Gus, Jr.", users.get("gus@example.com").firstName());
    }

    @Test
    void plaintextPasswordsThePolicyRefusesAreReportedByLineAndTheOtherRowsImported() throws IOException {
        String preHashedCommon = new PasswordHasher(10).hash("password1");
        ImportReport report = importFile("policy.csv", String.join("\n",
                "email,firstName,lastName,password,passwordHash",
                "ivy@example.com,Ivy,Ng,password1,",
                "jo@example.com,Jo,March,March1868,",
                "kim@example.com,Kim,Lo,kim-ok-password,",
                "lu@example.com,Lu,Hash,," + preHashedCommon,
                "max@example.com,Max,Zed,qqqqqqqqqqqq,",
                ""), false);
        assertEquals(2, report.imported());
        assertEquals(3, report.invalid());
        List<String> problems = report.problems().stream().map(p -> p.line() + " " + p.email() + " " + p.reason())
                .collect(Collectors.toList());
        assertEquals(List.of(
                "2 ivy@example.com password: is one of the 30,000 most common passwords, which attackers try first",
                "3 jo@example.com password: must not be the user's last name, also not with digits or symbols added",
                "6 max@example.com password: is one character repeated, which is guessed at once"), problems);
        assertEquals(Set.of("kim@example.com", "lu@example.com"),
                users.list().map(User::emailAddress).collect(Collectors.toSet()));
        assertTrue(users.checkPassword("kim@example.com", "kim-ok-password"));
        // a pre-hashed row has no plaintext to check: it is imported as it is
        assertTrue(users.checkPassword("lu@example.com", "password1"));
    }

    @Test
    void reRunningAnImportSkipsWhatExistsAndNeverOverwrites() throws IOException {
        importFile("users.csv", CSV, false);
        users.update("ann@example.com", new UserChanges("Changed", null, null));
        ImportReport again = importFile("users.csv", CSV, false);
        assertEquals(0, again.imported());
        assertEquals(3, again.skipped());
        assertEquals("Changed", users.get("ann@example.com").firstName(), "an existing user is never overwritten");
        assertEquals(3, users.list().count());

        ImportReport strict = importFile("users.csv", CSV, true);
        assertEquals(3, strict.failed());
        assertTrue(strict.problems().stream().anyMatch(p -> p.reason().contains("already exists")));
    }

    @Test
    void jsonLinesRowsAreReadAndBadLinesReported() throws IOException {
        String jsonl = String.join("\n",
                "{\"email\":\"h1@example.com\",\"firstName\":\"H\",\"lastName\":\"One\",\"passwordHash\":\""
                        + PasswordHasherTest.CRYPT_2Y + "\"}",
                "{not json",
                "",
                "[1,2]",
                "{\"emailAddress\":\"h2@example.com\",\"firstName\":\"H\",\"lastName\":\"Two\",\"password\":\"pw-two-ok\","
                        + "\"extra\":{\"nested\":true}}");
        ImportReport report = importFile("more.jsonl", jsonl, false);
        assertEquals(2, report.imported());
        assertEquals(2, report.invalid());
        assertEquals(List.of(2L, 4L), report.problems().stream().map(ImportReport.RowProblem::line)
                .collect(Collectors.toList()));
        assertNull(report.problems().get(0).email());
        assertTrue(users.checkPassword("h1@example.com", "legacy-pass-2y"));
        assertTrue(users.checkPassword("h2@example.com", "pw-two-ok"));
    }

    @Test
    void parallelSegmentsReturnExactlyTheSameUsers() throws IOException {
        StringBuilder csv = new StringBuilder("email,firstName,lastName,passwordHash\n");
        for (int i = 0; i < 300; i++) {
            csv.append("user").append(i).append("@example.com,F").append(i).append(",L").append(i).append(',')
                    .append(PasswordHasherTest.BCRYPTJS_2A).append('\n');
        }
        assertEquals(300, importFile("many.csv", csv.toString(), false).imported());
        List<String> sequential = users.list(1).map(User::emailAddress).sorted().collect(Collectors.toList());
        List<String> parallel = users.list(4).map(User::emailAddress).sorted().collect(Collectors.toList());
        assertEquals(300, sequential.size());
        assertEquals(sequential, parallel);
        Map<String, String> hashes = users.listWithHashes(3)
                .collect(Collectors.toMap(s -> s.user().emailAddress(), StoredUser::passwordHash));
        assertEquals(300, hashes.size());
        assertTrue(hashes.values().stream().allMatch(PasswordHasherTest.BCRYPTJS_2A::equals));
        assertFalse(users.list(2).map(User::toString).anyMatch(s -> s.contains("$2a$")));
    }

    @Test
    void aCsvWithoutTheNeededColumnsIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "mail,first,last\na@example.com,A,B\n");
        ConsoleException e = assertThrows(ConsoleException.class, () -> ImportFile.open(file, null));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
        assertEquals(0, users.list().count());
    }
}
