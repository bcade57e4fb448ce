package dev.userconsole.users.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.errors.Problem;
import dev.userconsole.testing.AuditLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit file itself: what a line holds, and whole lines under concurrent appends. */
class AuditLogTest {
    @TempDir
    Path dir;

    private AuditLog log(Path file) {
        return AuditLog.to(file, "http://127.0.0.1:8000", "User");
    }

    @Test
    void aLineSaysWhenWhoWhereWhatAndHowItEnded() throws Exception {
        Path file = dir.resolve("logs/audit.jsonl");
        AuditLog audit = log(file);
        audit.requireWritable();
        audit.append(AuditRecord.ok(WriteAction.UPDATE, "ann@example.com", List.of("firstName", "password")));
        audit.append(AuditRecord.failed(WriteAction.INSERT, "bad", List.of(), new InvalidInputException("email", "x")));
        List<Map<String, Object>> lines = AuditLines.read(file);
        assertEquals(2, lines.size());
        Map<String, Object> update = lines.get(0);
        Instant time = Instant.parse((String) update.get("time"));
        assertTrue(time.isAfter(Instant.now().minus(1, ChronoUnit.MINUTES)), "ISO-8601 UTC, just now");
        assertTrue(((String) update.get("time")).endsWith("Z"));
        assertEquals(System.getProperty("user.name"), update.get("user"));
        assertFalse(((String) update.get("host")).isBlank());
        assertEquals("http://127.0.0.1:8000", update.get("endpoint"));
        assertEquals("User", update.get("table"));
        assertEquals("update", update.get("action"));
        assertEquals("ann@example.com", update.get("email"));
        assertEquals("ok", update.get("outcome"));
        assertEquals(List.of("firstName", "password"), update.get("fields"));
        assertEquals("refused", lines.get(1).get("outcome"));
        assertEquals("INVALID_INPUT", lines.get(1).get("problem"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aHostileEmailIsEscapedAndShortened() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog audit = log(file);
        audit.append(AuditRecord.ok(WriteAction.DELETE, "x\u001b]0;owned\u0007\n{\"outcome\":\"ok\"}\u202e", List.of()));
        audit.append(AuditRecord.ok(WriteAction.DELETE, "a".repeat(5000), List.of()));
        String raw = Files.readString(file);
        assertTrue(raw.chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e), raw);
        List<Map<String, Object>> lines = AuditLines.read(file);
        assertEquals(2, lines.size(), "a newline in the email cannot start a forged line");
        assertTrue(((String) lines.get(0).get("email")).startsWith("x\u001b]0;owned"), "escaped, not lost");
        assertEquals(AuditLog.MAX_EMAIL + 3, ((String) lines.get(1).get("email")).length());
    }

    /** Eight writers, each with its own file handle as separate processes have, appending at once. */
    @Test
    void concurrentAppendsFromManyWritersLeaveOnlyWholeLines() throws Exception {
        Path file = dir.resolve("shared.jsonl");
        int writers = 8;
        int each = 400;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                AuditLog audit = log(file);
                try (AuditLog.Batch batch = audit.batch()) {
                    for (int i = 0; i < each; i++) {
                        String email = "writer" + writer + "-" + i + "@example.com" + "x".repeat(i % 200);
                        if (i % 2 == 0) {
                            audit.append(AuditRecord.ok(WriteAction.INSERT, email, List.of()));
                        } else {
                            batch.add(AuditRecord.importRow(i, email, i % 3 == 0 ? Problem.ALREADY_EXISTS : null));
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        List<Map<String, Object>> lines = AuditLines.read(file);
        assertEquals(writers * each, lines.size());
        Set<String> emails = new HashSet<>();
        lines.forEach(line -> emails.add((String) line.get("email")));
        assertEquals(writers * each, emails.size(), "every record arrived once and whole");
    }

    @Test
    void anAuditLogThatCannotBeOpenedRefusesWithASentence() throws Exception {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "");
        AuditLog audit = log(notADirectory.resolve("audit.jsonl"));
        ConsoleException e = assertThrows(ConsoleException.class, audit::requireWritable);
        assertEquals(Problem.AUDIT_LOG_UNWRITABLE, e.problem());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        assertTrue(e.getMessage().contains("AUDIT_LOG"), e.getMessage());
    }
}
