package dev.userconsole.users.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's history read back from a real audit log, from its end. */
class AuditHistoryTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static AuditRecord at(int second, WriteAction action, String email, List<String> fields) {
        return new AuditRecord(START.plusSeconds(second), action, email, null, AuditOutcome.OK, null, fields, Map.of());
    }

    /** 300 lines for ann (in every form the log may hold her email) among 6,000 for others, and other tables'. */
    private Path mixedLog() {
        Path file = dir.resolve("audit.jsonl");
        AuditLog users = AuditLog.to(file, "embedded", "User");
        AuditLog otherTable = AuditLog.to(file, "embedded", "Staging");
        String[] forms = {"ann@example.com", " Ann@Example.COM ", "ANN@example.com"};
        int second = 0;
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 20; j++) {
                users.append(at(second++, WriteAction.INSERT, "user" + i + "-" + j + "@example.com", List.of()));
            }
            otherTable.append(at(second++, WriteAction.UPDATE, "ann@example.com", List.of("lastName")));
            users.append(at(second++, i % 3 == 0 ? WriteAction.UPDATE : WriteAction.IMPORT_ROW, forms[i % 3],
                    List.of("firstName")));
            users.append(AuditRecord.summary(WriteAction.IMPORT, AuditOutcome.OK, null, Map.of("imported", 1L)));
        }
        return file;
    }

    @Test
    void hundredsOfLinesForTheUserAmongThousandsComeBackNewestFirstInEveryFormOfTheEmail() {
        Path file = mixedLog();
        AuditHistory.Found all = AuditLog.to(file, "embedded", "User").history().find("ann@example.com", 10_000);
        assertEquals(300, all.entries().size(), "every line about ann in table User, none from table Staging");
        assertTrue(all.wholeLog());
        for (int i = 1; i < all.entries().size(); i++) {
            assertTrue(all.entries().get(i - 1).time().compareTo(all.entries().get(i).time()) > 0, "newest first");
        }
        AuditEntry newest = all.entries().get(0);
        assertEquals("import-row", newest.action());
        assertEquals("ANN@example.com", newest.email(), "as the log holds it");
        assertEquals(System.getProperty("user.name"), newest.administrator());
        assertFalse(newest.host().isBlank());
        assertEquals("User", newest.table());
        assertEquals(List.of("firstName"), newest.fields());

        AuditHistory.Found typed = new AuditHistory(file, "User").find("  ANN@EXAMPLE.com", 10);
        assertEquals(10, typed.entries().size(), "looked up as typed, matched normalised");
        assertFalse(typed.wholeLog(), "stopped at the limit");
        assertEquals(all.entries().subList(0, 10), typed.entries());
        assertTrue(typed.bytesRead() < all.bytesRead() / 10, "only the tail was read: " + typed.bytesRead());
    }

    @Test
    void aHugePrefixOfGarbageIsNeverReadWhenTheNewestLinesAreEnough() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        byte[] garbage = ("not json at all " + "x".repeat(100) + "\n").getBytes(StandardCharsets.US_ASCII);
        long prefix = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            while (prefix < 32L * 1024 * 1024) {
                out.write(garbage);
                prefix += garbage.length;
            }
        }
        AuditLog audit = AuditLog.to(file, "embedded", "User");
        for (int i = 0; i < 50; i++) {
            audit.append(at(i, WriteAction.UPDATE, "bob@example.com", List.of("lastName")));
        }
        long size = Files.size(file);
        AuditHistory.Found found = audit.history().find("bob@example.com", 50);
        assertEquals(50, found.entries().size());
        assertTrue(found.bytesRead() <= 2L * AuditHistory.BLOCK, "read " + found.bytesRead() + " bytes of " + size);
        assertTrue(found.bytesRead() < size - prefix + AuditHistory.BLOCK, "the garbage before was not read");
    }

    @Test
    void aPartialLastLineLinesThatAreNotJsonAndAnOverlongLineAreSkipped() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        AuditLog audit = AuditLog.to(file, "embedded", "User");
        audit.append(at(0, WriteAction.INSERT, "cy@example.com", List.of()));
        // a run far longer than any record, with no line break, between whole records
        Files.writeString(file, "{\"email\":\"cy@example.com\"," + "y".repeat(3 * AuditHistory.MAX_LINE) + "\n",
                StandardOpenOption.APPEND);
        audit.append(at(1, WriteAction.UPDATE, "cy@example.com", List.of("firstName")));
        Files.writeString(file, "garbage\n\n{\"time\":\"2026\"}\n[1,2]\n{\"action\":\"delete\",\"email\":\"cy@example.com\"\n",
                StandardOpenOption.APPEND);
        audit.append(at(2, WriteAction.DELETE, "cy@example.com", List.of()));
        // a concurrent writer is in the middle of its line: the record has no end yet
        Files.writeString(file, "{\"time\":\"2026-01-01T00:00:03Z\",\"user\":\"eve\",\"action\":\"insert\","
                + "\"email\":\"cy@example.com\",\"outc", StandardOpenOption.APPEND);
        List<String> actions = new ArrayList<>();
        audit.history().find("cy@example.com", 100).entries().forEach(e -> actions.add(e.action()));
        assertEquals(List.of("delete", "update", "insert"), actions);
    }

    @Test
    void hostileAndShortenedEmailsMatchAsTheLogKeepsThem() {
        Path file = dir.resolve("audit.jsonl");
        AuditLog audit = AuditLog.to(file, "embedded", "User");
        String hostile = "x\u001b]0;owned\u0007@example.com";
        String longKey = "a".repeat(400) + "@example.com";
        audit.append(at(0, WriteAction.INSERT, hostile, List.of()));
        audit.append(new AuditRecord(START.plusSeconds(1), WriteAction.INSERT, longKey.toUpperCase(), null,
                AuditOutcome.REFUSED, Problem.ALREADY_EXISTS.name(), List.of(), Map.of()));
        audit.append(at(2, WriteAction.INSERT, "a".repeat(401) + "@example.com", List.of()));
        assertEquals(1, audit.history().find(hostile, 10).entries().size());
        List<AuditEntry> shortened = audit.history().find(longKey, 10).entries();
        // the log keeps 320 characters: keys that share them share their lines
        assertEquals(2, shortened.size());
        assertEquals("ALREADY_EXISTS", shortened.get(1).problem());
        assertEquals("refused", shortened.get(1).outcome());
    }

    @Test
    void aMissingLogIsAnEmptyHistoryAndNoLogIsSaidSo() {
        AuditHistory.Found missing = new AuditHistory(dir.resolve("none.jsonl"), "User").find("a@example.com", 5);
        assertTrue(missing.entries().isEmpty());
        assertEquals(dir.resolve("none.jsonl"), missing.file());
        AuditHistory.Found disabled = AuditLog.disabled().history().find("a@example.com", 5);
        assertTrue(disabled.entries().isEmpty());
        assertEquals(null, disabled.file());
    }
}
