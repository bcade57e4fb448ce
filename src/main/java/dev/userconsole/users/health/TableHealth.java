package dev.userconsole.users.health;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.EngineFeatures;
import dev.userconsole.store.ParallelScan;
import dev.userconsole.store.SdkErrors;
import dev.userconsole.users.User;
import dev.userconsole.users.audit.AuditLog;
import dev.userconsole.users.audit.AuditOutcome;
import dev.userconsole.users.audit.AuditRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The health report of a users table and its fixes: what the controller's {@code doctor} methods run. */
public final class TableHealth {
    private final ParallelScan scan;
    private final ItemReader reader;
    private final EngineFeatures features;
    private final AccountLocker locker;
    private final int minimumCost;

    /**
     * @param features    the connection's: an engine found without transactions is not asked again
     * @param locker      the controller's lock capability, for the lock fix
     * @param minimumCost hashes below this bcrypt cost are weak
     */
    public TableHealth(DynamoDbClient client, String table, SdkErrors errors, ParallelScan scan,
                       EngineFeatures features, AccountLocker locker, int minimumCost) {
        this.scan = scan;
        this.reader = new ItemReader(client, table, errors);
        this.features = features;
        this.locker = locker;
        this.minimumCost = minimumCost;
    }

    /** Scans the whole table once; {@code scanned} counts the items as they are read. */
    public HealthReport report(int segments, AtomicLong scanned, BooleanSupplier cancelled) {
        return new HealthScan(scan, reader, reader.table(), minimumCost).run(segments, scanned, cancelled);
    }

    /**
     * Applies a fix to each user of the plan, one after the other, each read again first. Moves and repairs
     * add one audit line per user to {@code audit}; locks are audited by the lock capability itself.
     *
     * @param done counts the users dealt with, for progress
     */
    public FixReport fix(FixPlan plan, AtomicLong done, BooleanSupplier cancelled, AuditLog.Batch audit) {
        List<FixResult> results = new ArrayList<>();
        Set<String> emails = new LinkedHashSet<>();
        Map<String, String> details = new HashMap<>();
        for (Finding.Entry target : plan.targets()) {
            if (emails.add(target.email())) {
                details.put(target.email(), target.detail());
            }
        }
        long cancelledCount = 0;
        for (String email : emails) {
            if (cancelled.getAsBoolean()) {
                cancelledCount = emails.size() - results.size();
                break;
            }
            List<String> fields = new ArrayList<>();
            FixResult result = switch (plan.kind()) {
                case KEYS -> new KeyMove(reader, features).move(email);
                case DATES -> new DateFix(reader).repair(email, fields);
                case LOCK -> lock(email, details.get(email));
            };
            results.add(result);
            if (plan.kind() != FixKind.LOCK) {
                audit.add(record(plan.kind(), result, plan.kind() == FixKind.KEYS
                        ? List.of(User.EMAIL) : fields));
            }
            done.incrementAndGet();
        }
        return new FixReport(plan.kind(), List.copyOf(results), cancelledCount);
    }

    private FixResult lock(String email, String detail) {
        try {
            locker.lock(email, "health report: " + detail);
            return FixResult.done(email, "locked (" + detail + ")");
        } catch (ConsoleException e) {
            FixResult.Outcome outcome = e.problem() == Problem.NOT_FOUND ? FixResult.Outcome.NOT_FOUND
                    : e.problem() == Problem.CHANGED_BY_SOMEONE_ELSE ? FixResult.Outcome.CHANGED
                    : FixResult.Outcome.FAILED;
            return FixResult.of(email, outcome, e.getMessage());
        } catch (UnsupportedOperationException e) {
            return FixResult.of(email, FixResult.Outcome.FAILED, e.getMessage());
        }
    }

    private static AuditRecord record(FixKind kind, FixResult result, List<String> fields) {
        Problem problem = result.outcome().problem();
        return new AuditRecord(Instant.now(), kind.action(), result.email(), null,
                problem == null ? AuditOutcome.OK : AuditOutcome.of(problem), problem == null ? null : problem.name(),
                fields, Map.of());
    }
}
