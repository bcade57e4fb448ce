package dev.userconsole.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a history of concurrent commands against the final table, from acknowledged outcomes and
 * real-time order only (an operation took effect somewhere between its start and its end).
 *
 * <p>Every acknowledged write names a version (the {@code dateUpdated} it wrote, or for a delete the one it
 * removed), and an update also names the version it was based on. So the writes of one email form a graph:
 * an insert starts an incarnation, each update follows one version, a delete ends one. A correct store gives
 * chains: no version followed twice (that would be a lost update), no version from nowhere, incarnations
 * that never overlap (an email is never created twice while it exists), and exactly the last version of
 * the one open incarnation in the table at the end. Reads and refusals must fit that picture too.
 */
final class HistoryChecker {
    private static final Pattern UPDATE_BASE = Pattern.compile("dateUpdated was (\\S+), now ");
    static final List<String> USER_FIELDS = List.of("emailAddress", "firstName", "lastName", "dateCreated",
            "dateUpdated");

    enum Outcome { INSERTED, ALREADY_EXISTS, UPDATED, CONFLICT, UPDATE_NOT_FOUND, DELETED, DELETE_NOT_FOUND,
        GET_HIT, GET_MISS, UNEXPECTED }

    record Report(Map<Outcome, Integer> counts, List<String> violations) {
        String summary() {
            StringBuilder text = new StringBuilder();
            counts.forEach((outcome, count) -> text.append(String.format("%-17s %6d%n",
                    outcome.name().toLowerCase().replace('_', ' '), count)));
            text.append(violations.isEmpty() ? "no violations\n" : violations.size() + " violations:\n");
            violations.stream().limit(50).forEach(v -> text.append("  ").append(v).append('\n'));
            return text.toString();
        }
    }

    /** An operation with its outcome and, for writes and hits, the user it printed. */
    private record Event(OpRecord op, Outcome outcome, Map<String, String> user, String base) {
        String version() {
            return user.get("dateUpdated");
        }
    }

    private final List<String> violations = new ArrayList<>();
    private final Map<Outcome, Integer> counts = new TreeMap<>();

    static Report check(List<OpRecord> history, Map<String, Map<String, String>> finalTable) {
        HistoryChecker checker = new HistoryChecker();
        for (Outcome outcome : Outcome.values()) {
            checker.counts.put(outcome, 0);
        }
        Map<String, List<Event>> byEmail = new TreeMap<>();
        for (OpRecord op : history) {
            Event event = classify(op);
            checker.counts.merge(event.outcome(), 1, Integer::sum);
            if (event.outcome() == Outcome.UNEXPECTED) {
                checker.violations.add("unexpected outcome: " + op + ": " + op.err());
            }
            byEmail.computeIfAbsent(op.email(), e -> new ArrayList<>()).add(event);
        }
        for (String email : finalTable.keySet()) {
            if (!byEmail.containsKey(email)) {
                checker.violations.add(email + " is in the table but no operation ever touched it");
            }
        }
        byEmail.forEach((email, events) -> checker.checkEmail(email, events, finalTable.get(email)));
        return new Report(checker.counts, checker.violations);
    }

    private static Event classify(OpRecord op) {
        Map<String, String> user = op.exitCode() == 0 ? FlatJson.read(op.out()) : Map.of();
        String err = op.err();
        boolean notFound = op.exitCode() == 1 && err.startsWith("error: No user with email");
        Outcome outcome = switch (op.op()) {
            case "insert" -> op.exitCode() == 0 ? Outcome.INSERTED
                    : op.exitCode() == 1 && err.endsWith("already exists.") ? Outcome.ALREADY_EXISTS : Outcome.UNEXPECTED;
            case "update" -> op.exitCode() == 0 ? Outcome.UPDATED
                    : notFound ? Outcome.UPDATE_NOT_FOUND
                    : op.exitCode() == 1 && err.contains("was changed by someone else") ? Outcome.CONFLICT
                    : Outcome.UNEXPECTED;
            case "delete" -> op.exitCode() == 0 ? Outcome.DELETED : notFound ? Outcome.DELETE_NOT_FOUND
                    : Outcome.UNEXPECTED;
            case "get" -> op.exitCode() == 0 ? Outcome.GET_HIT : notFound ? Outcome.GET_MISS : Outcome.UNEXPECTED;
            default -> Outcome.UNEXPECTED;
        };
        String base = null;
        if (outcome == Outcome.UPDATED) {
            Matcher m = UPDATE_BASE.matcher(err);
            base = m.find() ? m.group(1) : null;
        }
        if (op.exitCode() == 0 && (user.get("dateUpdated") == null || !op.email().equals(user.get("emailAddress")))) {
            outcome = Outcome.UNEXPECTED;
        }
        return new Event(op, outcome, user, base);
    }

    /** One incarnation: from an insert along its chain of updates to a delete, or still open. */
    private record Incarnation(Event insert, Event last, Event delete) {
        boolean open() {
            return delete == null;
        }
    }

    private void checkEmail(String email, List<Event> events, Map<String, String> finalItem) {
        Map<String, Event> producer = new HashMap<>();
        for (Event e : events) {
            if (e.outcome() == Outcome.INSERTED || e.outcome() == Outcome.UPDATED) {
                Event earlier = producer.put(e.version(), e);
                if (earlier != null) {
                    violations.add(email + ": two writes produced version " + e.version() + ": " + earlier.op()
                            + " and " + e.op());
                }
            }
        }
        Map<String, Event> successor = new HashMap<>();
        for (Event e : events) {
            String followed = switch (e.outcome()) {
                case UPDATED -> e.base();
                case DELETED -> e.version();
                default -> null;
            };
            if (followed != null) {
                follow(email, e, followed, producer, successor);
            }
        }
        List<Incarnation> incarnations = new ArrayList<>();
        for (Event e : events) {
            if (e.outcome() == Outcome.INSERTED) {
                incarnations.add(incarnation(e, successor));
            }
        }
        checkIncarnationsNeverOverlap(email, incarnations);
        checkFinalItem(email, incarnations, finalItem);
        for (Event e : events) {
            checkRead(email, e, producer, successor, incarnations, events);
        }
    }

    private void follow(String email, Event e, String followed, Map<String, Event> producer,
                        Map<String, Event> successor) {
        Event parent = producer.get(followed);
        if (parent == null) {
            violations.add(email + ": " + e.op() + " acted on version " + followed + ", which no acknowledged write made");
            return;
        }
        Event other = successor.put(followed, e);
        if (other != null) {
            violations.add(email + ": lost update: both " + other.op() + " and " + e.op() + " followed version "
                    + followed);
        }
        if (e.op().endsBefore(parent.op())) {
            violations.add(email + ": " + e.op() + " followed version " + followed + " before " + parent.op()
                    + " that wrote it had started");
        }
        if (e.outcome() == Outcome.UPDATED) {
            if (e.version().compareTo(followed) <= 0) {
                violations.add(email + ": " + e.op() + " wrote version " + e.version() + ", not after " + followed);
            }
            if (!parent.user().get("dateCreated").equals(e.user().get("dateCreated"))) {
                violations.add(email + ": " + e.op() + " changed dateCreated");
            }
        } else if (!sameUser(parent.user(), e.user())) {
            violations.add(email + ": " + e.op() + " deleted " + e.user() + ", not what " + parent.op() + " wrote: "
                    + parent.user());
        }
    }

    private static Incarnation incarnation(Event insert, Map<String, Event> successor) {
        Event last = insert;
        Event next = successor.get(insert.version());
        int steps = 0;
        while (next != null && next.outcome() == Outcome.UPDATED && steps++ < 1_000_000) {
            last = next;
            next = successor.get(next.version());
        }
        return new Incarnation(insert, last, next);
    }

    /** An email is never created twice while it exists: some order must put each delete before the next insert. */
    private void checkIncarnationsNeverOverlap(String email, List<Incarnation> incarnations) {
        List<Incarnation> open = incarnations.stream().filter(Incarnation::open).toList();
        if (open.size() > 1) {
            violations.add(email + ": created " + open.size() + " times without a delete in between: "
                    + open.stream().map(i -> i.insert().op().toString()).toList());
        }
        for (int a = 0; a < incarnations.size(); a++) {
            for (int b = a + 1; b < incarnations.size(); b++) {
                Incarnation first = incarnations.get(a);
                Incarnation second = incarnations.get(b);
                if (!canPrecede(first, second) && !canPrecede(second, first)) {
                    violations.add(email + ": " + first.insert().op() + " and " + second.insert().op()
                            + " created it while the other's user existed");
                }
            }
        }
    }

    private static boolean canPrecede(Incarnation earlier, Incarnation later) {
        return !earlier.open() && earlier.delete().op().startMicros() < later.insert().op().endMicros();
    }

    private void checkFinalItem(String email, List<Incarnation> incarnations, Map<String, String> finalItem) {
        Incarnation open = incarnations.stream().filter(Incarnation::open).findFirst().orElse(null);
        if (open == null && finalItem != null) {
            violations.add(email + ": in the table at the end, but every acknowledged insert was deleted: " + finalItem);
        } else if (open != null && finalItem == null) {
            violations.add(email + ": missing at the end, but " + open.last().op() + " wrote it and nothing deleted it");
        } else if (open != null) {
            if (!sameUser(open.last().user(), finalItem)) {
                violations.add(email + ": the table holds " + finalItem + " but the last acknowledged write, "
                        + open.last().op() + ", wrote " + open.last().user());
            }
            String hash = finalItem.get("password");
            if (hash == null || !hash.startsWith("$2a$")) {
                violations.add(email + ": the stored password hash is missing or not bcrypt");
            }
        }
    }

    private void checkRead(String email, Event e, Map<String, Event> producer, Map<String, Event> successor,
                           List<Incarnation> incarnations, List<Event> events) {
        OpRecord op = e.op();
        switch (e.outcome()) {
            case GET_HIT -> {
                Event wrote = producer.get(e.version());
                if (wrote == null || !sameUser(wrote.user(), e.user())) {
                    violations.add(email + ": " + op + " read " + e.user() + ", which no acknowledged write made");
                    return;
                }
                Event next = successor.get(e.version());
                if (op.endsBefore(wrote.op()) || (next != null && next.op().endsBefore(op))) {
                    violations.add(email + ": " + op + " read version " + e.version() + " outside its lifetime");
                }
            }
            case GET_MISS, UPDATE_NOT_FOUND, DELETE_NOT_FOUND -> incarnations.stream()
                    .filter(i -> surelyExistedThroughout(i, op)).findFirst()
                    .ifPresent(i -> violations.add(email + ": " + op + " said not found, but the user "
                            + i.insert().op() + " created existed throughout"));
            case ALREADY_EXISTS -> {
                if (incarnations.stream().noneMatch(i -> mayHaveExistedDuring(i, op))) {
                    violations.add(email + ": " + op + " said it already exists, but no user existed then");
                }
            }
            case CONFLICT -> {
                if (events.stream().noneMatch(w -> isWrite(w) && w != e && w.op().startMicros() < op.endMicros()
                        && w.op().endMicros() > op.startMicros())) {
                    violations.add(email + ": " + op + " was refused as changed by someone else, but no write overlapped it");
                }
            }
            default -> {
            }
        }
    }

    private static boolean isWrite(Event e) {
        return e.outcome() == Outcome.INSERTED || e.outcome() == Outcome.UPDATED || e.outcome() == Outcome.DELETED;
    }

    private static boolean surelyExistedThroughout(Incarnation i, OpRecord op) {
        return i.insert().op().endsBefore(op) && (i.open() || op.endsBefore(i.delete().op()));
    }

    private static boolean mayHaveExistedDuring(Incarnation i, OpRecord op) {
        return i.insert().op().startMicros() < op.endMicros() && (i.open() || i.delete().op().endMicros() > op.startMicros());
    }

    private static boolean sameUser(Map<String, String> a, Map<String, String> b) {
        return USER_FIELDS.stream().allMatch(f -> Objects.equals(a.get(f), b.get(f)));
    }
}
