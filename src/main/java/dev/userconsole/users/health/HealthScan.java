package dev.userconsole.users.health;

import dev.userconsole.store.ParallelScan;
import dev.userconsole.users.User;
import dev.userconsole.users.UserValidator;
import dev.userconsole.users.backup.SameItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * One scan of the whole table (parallel segments, paced like every scan) that reads whole items and answers
 * every {@link Check}. Keys that share a normalised form are twins, unless they are the two halves of a move
 * that stopped between its put and its delete (the normalised key holds the same item): the key fix finishes
 * those.
 */
final class HealthScan {
    private final ParallelScan scan;
    private final ItemReader reader;
    private final String table;
    private final ItemInspector inspector;

    HealthScan(ParallelScan scan, ItemReader reader, String table, int minimumCost) {
        this.scan = scan;
        this.reader = reader;
        this.table = table;
        this.inspector = new ItemInspector(minimumCost);
    }

    /**
     * @param scanned   counts the items as they are read, for progress
     * @param cancelled asked between items: the report then covers what was read
     */
    HealthReport run(int segments, AtomicLong scanned, BooleanSupplier cancelled) {
        Map<Check, Map<String, String>> found = new EnumMap<>(Check.class);
        for (Check check : Check.values()) {
            found.put(check, new LinkedHashMap<>());
        }
        Map<String, String> firstKey = new HashMap<>();
        Map<String, List<String>> sharedForms = new HashMap<>();
        Map<String, List<String>> byRevision = new TreeMap<>();
        boolean complete = true;
        ScanRequest request = ScanRequest.builder().tableName(table).build();
        try (Stream<Map<String, AttributeValue>> items = scan.items(request, segments)) {
            for (Iterator<Map<String, AttributeValue>> it = items.iterator(); it.hasNext(); ) {
                if (cancelled.getAsBoolean()) {
                    complete = false;
                    break;
                }
                ItemInspector.Seen seen = inspector.inspect(it.next());
                scanned.incrementAndGet();
                seen.details().forEach((check, detail) -> found.get(check).put(seen.key(), detail));
                if (seen.revision() != null) {
                    byRevision.computeIfAbsent(seen.revision(), r -> new ArrayList<>()).add(seen.key());
                }
                String form = UserValidator.normalisedKey(seen.key());
                String earlier = firstKey.putIfAbsent(form, seen.key());
                if (earlier != null) {
                    sharedForms.computeIfAbsent(form, f -> new ArrayList<>(List.of(earlier))).add(seen.key());
                }
            }
        }
        sharedForms.forEach((form, keys) -> sortOut(form, keys, found));
        mixedRevisions(byRevision, found.get(Check.MIXED_REVISIONS));
        Map<String, Long> revisions = new TreeMap<>();
        byRevision.forEach((revision, keys) -> revisions.put(revision, (long) keys.size()));
        List<Finding> findings = new ArrayList<>();
        found.forEach((check, entries) -> findings.add(new Finding(check, entries.entrySet().stream()
                .map(e -> new Finding.Entry(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Finding.Entry::email)).toList())));
        return new HealthReport(table, scanned.get(), complete, revisions, findings);
    }

    /** Keys sharing a normalised form: a move that stopped half-way, or twins. */
    private void sortOut(String form, List<String> keys, Map<Check, Map<String, String>> found) {
        if (keys.size() == 2 && keys.contains(form)) {
            String moving = keys.get(0).equals(form) ? keys.get(1) : keys.get(0);
            if (halfMoved(moving, form)) {
                found.get(Check.KEY_NOT_NORMALISED).put(moving, "half moved: " + form
                        + " already holds the same item; the key fix finishes the move");
                return;
            }
        }
        for (String key : keys) {
            List<String> others = keys.stream().filter(k -> !k.equals(key)).toList();
            found.get(Check.KEY_TWINS).put(key, "twin of " + String.join(", ", others));
            found.get(Check.KEY_NOT_NORMALISED).computeIfPresent(key,
                    (k, detail) -> ItemInspector.CANNOT_MOVE + ": twin of " + String.join(", ", others));
        }
    }

    private boolean halfMoved(String moving, String form) {
        Map<String, AttributeValue> old = reader.read(moving).orElse(Map.of());
        Map<String, AttributeValue> copy = reader.read(form).orElse(Map.of());
        return !old.isEmpty() && !copy.isEmpty() && SameItem.same(withoutKey(old), withoutKey(copy));
    }

    static Map<String, AttributeValue> withoutKey(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> rest = new HashMap<>(item);
        rest.remove(User.EMAIL);
        return rest;
    }

    /** The users whose hashes are of another revision than most: every revision checks, so information only. */
    private static void mixedRevisions(Map<String, List<String>> byRevision, Map<String, String> found) {
        if (byRevision.size() < 2) {
            return;
        }
        String most = byRevision.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size()))
                .orElseThrow().getKey();
        byRevision.forEach((revision, keys) -> {
            if (!revision.equals(most)) {
                keys.forEach(key -> found.put(key, "$" + revision + "$ (most are $" + most + "$)"));
            }
        });
    }
}
