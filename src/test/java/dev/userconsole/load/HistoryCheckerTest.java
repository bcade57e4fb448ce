package dev.userconsole.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker itself: it must accept a correct history and catch each kind of broken one. */
class HistoryCheckerTest {
    private static final String EMAIL = "a@load.test";
    private static final String CREATED = "2026-01-01T00:00:00.000Z";

    private static String user(String first, String updated) {
        return FlatJson.write(Map.of("emailAddress", EMAIL, "firstName", first, "lastName", "L",
                "dateCreated", CREATED, "dateUpdated", updated));
    }

    private static OpRecord insert(long start, long end, String first, String version) {
        return new OpRecord(0, 0, "insert", EMAIL, start, end, 0, user(first, version), "Created user.");
    }

    private static OpRecord update(long start, long end, String first, String base, String version) {
        return new OpRecord(1, 0, "update", EMAIL, start, end, 0, user(first, version),
                "Updated user " + EMAIL + " (dateUpdated was " + base + ", now " + version + ").");
    }

    private static OpRecord delete(long start, long end, String first, String version) {
        return new OpRecord(2, 0, "delete", EMAIL, start, end, 0, user(first, version), "Deleted user.");
    }

    private static OpRecord miss(String op, long start, long end) {
        return new OpRecord(3, 0, op, EMAIL, start, end, 1, "", "error: No user with email " + EMAIL + ".");
    }

    private static Map<String, Map<String, String>> table(String first, String version) {
        Map<String, String> item = new HashMap<>(FlatJson.read(user(first, version)));
        item.put("password", "$2a$10$abcdefghijklmnopqrstuv");
        return Map.of(EMAIL, item);
    }

    private static List<String> violations(List<OpRecord> history, Map<String, Map<String, String>> table) {
        return HistoryChecker.check(history, table).violations();
    }

    private static final String V0 = CREATED;
    private static final String V1 = "2026-01-01T00:00:01.000Z";
    private static final String V2 = "2026-01-01T00:00:02.000Z";

    @Test
    void aCorrectHistoryPasses() {
        HistoryChecker.Report report = HistoryChecker.check(List.of(insert(0, 10, "A", V0),
                update(20, 30, "B", V0, V1), miss("get", 5, 8), delete(40, 50, "B", V1), insert(60, 70, "C", V2)),
                table("C", V2));
        assertEquals(List.of(), report.violations());
        assertEquals(2, report.counts().get(HistoryChecker.Outcome.INSERTED));
        assertEquals(1, report.counts().get(HistoryChecker.Outcome.GET_MISS));
    }

    @Test
    void twoUpdatesFromOneVersionAreALostUpdate() {
        List<String> found = violations(List.of(insert(0, 10, "A", V0), update(20, 30, "B", V0, V1),
                update(20, 30, "C", V0, V2)), table("C", V2));
        assertTrue(found.stream().anyMatch(v -> v.contains("lost update")), found.toString());
    }

    @Test
    void aSecondInsertWhileTheUserExistsIsCaught() {
        List<String> found = violations(List.of(insert(0, 10, "A", V0), insert(20, 30, "B", V1)), table("B", V1));
        assertTrue(found.stream().anyMatch(v -> v.contains("without a delete in between")), found.toString());
    }

    @Test
    void aFinalTableThatDiffersFromTheLastWriteIsCaught() {
        List<String> found = violations(List.of(insert(0, 10, "A", V0), update(20, 30, "B", V0, V1)),
                table("A", V0));
        assertTrue(found.stream().anyMatch(v -> v.contains("the last acknowledged write")), found.toString());
        assertTrue(violations(List.of(insert(0, 10, "A", V0)), Map.of()).stream()
                .anyMatch(v -> v.contains("missing at the end")));
    }

    @Test
    void notFoundWhileTheUserSurelyExistedIsCaught() {
        List<String> found = violations(List.of(insert(0, 10, "A", V0), miss("get", 20, 30)), table("A", V0));
        assertTrue(found.stream().anyMatch(v -> v.contains("said not found")), found.toString());
    }

    @Test
    void anUpdateBasedOnAVersionNobodyWroteIsCaught() {
        List<String> found = violations(List.of(insert(0, 10, "A", V0), update(20, 30, "B", V2, V1)),
                table("A", V0));
        assertTrue(found.stream().anyMatch(v -> v.contains("which no acknowledged write made")), found.toString());
    }

    @Test
    void anUnexpectedExitCodeIsAViolation() {
        OpRecord failed = new OpRecord(0, 0, "get", EMAIL, 0, 1, 3, "", "error: cannot reach the database.");
        assertEquals(1, violations(List.of(failed), Map.of()).size());
    }
}
