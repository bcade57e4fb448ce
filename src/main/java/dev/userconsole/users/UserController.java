package dev.userconsole.users;

import dev.userconsole.config.MfaCodes;
import dev.userconsole.config.Settings;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.CapacityMeter;
import dev.userconsole.store.DynamoDb;
import dev.userconsole.store.DynamoDbs;
import dev.userconsole.store.EngineFeatures;
import dev.userconsole.store.ParallelScan;
import dev.userconsole.store.SdkErrors;
import dev.userconsole.store.TableInfo;
import dev.userconsole.store.TablePacers;
import dev.userconsole.store.UserTable;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.audit.AuditHistory;
import dev.userconsole.users.audit.WriteAction;
import dev.userconsole.users.backup.BackupFile;
import dev.userconsole.users.bulk.BulkAction;
import dev.userconsole.users.bulk.BulkPlan;
import dev.userconsole.users.bulk.BulkReport;
import dev.userconsole.users.bulk.BulkRunner;
import dev.userconsole.users.bulk.PlannedItems;
import dev.userconsole.users.bulk.NewPasswords;
import dev.userconsole.users.backup.RestoreReport;
import dev.userconsole.users.backup.TableBackup;
import dev.userconsole.users.backup.TableRestore;
import dev.userconsole.users.health.FixPlan;
import dev.userconsole.users.health.FixReport;
import dev.userconsole.users.health.HealthReport;
import dev.userconsole.users.health.TableHealth;
import dev.userconsole.users.query.Query;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Every operation on users: validates, hashes, builds the conditional writes and calls DynamoDB.
 * It never touches a screen; both the scriptable commands and the console use it.
 */
public final class UserController implements AutoCloseable {
    /** Reads of a user a delete by email makes while others keep changing it. */
    private static final int DELETE_ATTEMPTS = 5;

    /** Writer threads of bulk work: most of their time is spent waiting for answers. */
    private static final int BULK_WRITERS = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);

    private final DynamoDb database;
    private final DynamoDbClient client;
    private final UserTable table;
    private final UserSearch search;
    private final VersionedDelete deletes;
    private final Trash trash;
    private final ParallelScan trashScan;
    private final SdkErrors errors;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwords;
    private final Timestamps timestamps;
    private final ParallelScan scan;
    private final WriteGuard guard;
    private final LostAnswers lost;
    private final EngineFeatures features;
    private final ConditionalPut newItem;
    private final TablePacers pacers;
    private final CapacityMeter capacity = new CapacityMeter();
    private final VersionedUpdate updates;
    private final AccountLocks locks;
    private final PasswordReset resets;

    /** A controller whose writes are neither audited nor refused: for tools and tests. */
    public UserController(DynamoDb database, String tableName, PasswordHasher hasher, Clock clock) {
        this(database, tableName, hasher, clock, WriteGuard.unaudited());
    }

    public UserController(DynamoDb database, String tableName, PasswordHasher hasher, Clock clock,
                          WriteGuard guard) {
        this(database, tableName, hasher, clock, guard, PasswordPolicy.DEFAULT);
    }

    /** @param passwords which new passwords are accepted */
    public UserController(DynamoDb database, String tableName, PasswordHasher hasher, Clock clock,
                          WriteGuard guard, PasswordPolicy passwords) {
        this(database, tableName, hasher, clock, guard, passwords, Settings.defaultTrashTable(tableName),
                Settings.DEFAULT_TRASH_DAYS);
    }

    /** @param trashTable where deletes keep users, for {@code trashDays} days */
    public UserController(DynamoDb database, String tableName, PasswordHasher hasher, Clock clock,
                          WriteGuard guard, PasswordPolicy passwords, String trashTable, int trashDays) {
        this.guard = guard;
        this.passwords = passwords;
        this.database = database;
        this.client = database.client();
        this.errors = new SdkErrors(database.where(), tableName);
        this.table = new UserTable(client, tableName, errors);
        this.hasher = hasher;
        this.timestamps = new Timestamps(clock);
        this.pacers = new TablePacers(table::describe);
        this.scan = new ParallelScan(client, errors, pacers::reads, capacity);
        this.search = new UserSearch(scan, tableName, this::getItem);
        this.lost = new LostAnswers(client, tableName, database.where(), errors, capacity);
        // one per connection: an engine found to have no transactions is not asked again
        this.features = new EngineFeatures();
        this.newItem = new ConditionalPut(client, tableName, features, new WriteUnits(capacity));
        this.deletes = new VersionedDelete(client, tableName, lost, capacity);
        this.updates = new VersionedUpdate(client, tableName, timestamps, lost, capacity);
        this.locks = new AccountLocks(updates, timestamps);
        this.resets = new PasswordReset(updates, hasher, new PasswordGenerator(), passwords, tableName);
        SdkErrors trashErrors = new SdkErrors(database.where(), trashTable);
        this.trash = new Trash(client, tableName, new UserTable(client, trashTable, trashErrors, UserTable.Schema.TRASH),
                features, trashErrors, lost, timestamps, trashDays, this::getItem);
        this.trashScan = new ParallelScan(client, trashErrors, pacers::reads, capacity);
    }

    /** Connects to the database the settings name; the controller then owns the connection. */
    public static UserController open(Settings settings) {
        return open(settings, MfaCodes.NONE);
    }

    /** @param mfaCodes who to ask for an MFA code when a role profile needs one (a face: prompt or dialog) */
    public static UserController open(Settings settings, MfaCodes mfaCodes) {
        return new UserController(DynamoDbs.open(settings, mfaCodes), settings.tableName(),
                new PasswordHasher(settings.bcryptCost()), Clock.systemUTC(), WriteGuard.of(settings),
                PasswordPolicy.of(settings), settings.trashTable(), settings.trashDays());
    }

    /** Whether every write is refused (the faces show their write actions as disabled). */
    public boolean readOnly() {
        return guard.readOnly();
    }

    public String where() {
        return database.where();
    }

    public String tableName() {
        return table.name();
    }

    /** Which new passwords this controller accepts: for every other place a password is set. */
    public PasswordPolicy passwordPolicy() {
        return passwords;
    }

    public TableCreation createTable(boolean onDemand) {
        return guard.run(WriteAction.CREATE_TABLE, null, List.of(), () -> createTableUnguarded(onDemand));
    }

    /** Creates whichever of the users table and its trash is missing; the trash's entries expire by TTL. */
    private TableCreation createTableUnguarded(boolean onDemand) {
        boolean created = table.create(onDemand);
        TableSummary users = TableSummary.of(table.awaitActive());
        UserTable trashTable = trash.table();
        boolean trashCreated = trashTable.create(onDemand);
        trashTable.awaitActive();
        boolean expires = trashTable.expireByTtl();
        return new TableCreation(created, users, trashCreated, trashTable.name(), expires);
    }

    /** Creates the trash table when it is missing, in the users table's capacity mode (the users table must exist). */
    public TableCreation createTrashTable() {
        return guard.run(WriteAction.CREATE_TABLE, null, List.of(), () -> {
            TableInfo users = table.describe().orElseThrow(() -> new ConsoleException(Problem.TABLE_MISSING,
                    "The table " + table.name() + " does not exist; create it (and its trash) first."));
            return createTableUnguarded(!"PROVISIONED".equals(users.billingMode()));
        });
    }

    /** The trash table's name: where deletes keep users. */
    public String trashTableName() {
        return trash.name();
    }

    /** Every deleted user the trash keeps, newest first (never a hash). */
    public List<TrashEntry> trashEntries() {
        return trash.entries(trashScan);
    }

    /** Puts the newest deleted user with this email back exactly as it was, while the email is free. */
    public Written undelete(String email) {
        return guard.run(WriteAction.UNDELETE, email, List.of(), () -> trash.undelete(email));
    }

    /**
     * What scanning the whole table will cost, when DescribeTable says it holds more than
     * {@link ScanCost#CONFIRM_ABOVE_BYTES}: the faces ask before they start such a scan.
     */
    public Optional<ScanCost> largeScanCost(boolean consistent) {
        try {
            return table.describe().flatMap(info -> ScanCost.ofLarge(info, consistent));
        } catch (ConsoleException e) {
            if (e.problem() != Problem.ACCESS_DENIED) {
                throw e;
            }
            // credentials that may scan but not describe the table: the size is unknown, the scan goes on
            return Optional.empty();
        }
    }

    private static Double units(ConsumedCapacity consumed) {
        return consumed == null ? null : consumed.capacityUnits();
    }

    /** Capacity units this connection's calls consumed, as the engine reported them. */
    public CapacityUsed capacityUsed() {
        return new CapacityUsed(capacity);
    }

    /** Whether long work is waiting because the table throttled it lately ("throttled, waiting"). */
    public boolean throttledRecently() {
        return pacers.throttledRecently();
    }

    public Optional<TableSummary> describeTable() {
        return table.describe().map(TableSummary::of);
    }

    /** Who the credentials are, asked of STS now (once per connection); never fails, says "not known" instead. */
    public ConnectedAs callerIdentity() {
        return ConnectedAs.of(database.callerIdentity());
    }

    /**
     * Creates a user; refuses, changing nothing, when the email is taken (also by a concurrent insert), under
     * its normalised key or as typed (a case twin another tool stored). When the answer is lost, what is
     * stored says what happened.
     */
    public Written insert(NewUser input) {
        return guard.run(WriteAction.INSERT, input.email(), List.of(), () -> insertUnguarded(input));
    }

    private Written insertUnguarded(NewUser input) {
        String email = UserValidator.email(input.email());
        String firstName = UserValidator.firstName(input.firstName());
        String lastName = UserValidator.lastName(input.lastName());
        String hash = hasher.hash(passwords.check(input.password(),
                new PasswordContext(email, firstName, lastName, table.name())));
        String now = timestamps.now();
        Map<String, AttributeValue> item = Map.of(
                User.EMAIL, AttributeValue.fromS(email),
                User.FIRST_NAME, AttributeValue.fromS(firstName),
                User.LAST_NAME, AttributeValue.fromS(lastName),
                User.PASSWORD, AttributeValue.fromS(hash),
                User.DATE_CREATED, AttributeValue.fromS(now),
                User.DATE_UPDATED, AttributeValue.fromS(now));
        User created = new User(email, firstName, lastName, now, now);
        try {
            PutOutcome outcome = newItem.attempt(item, ConditionalPut.twinKeys(input.email(), email));
            if (outcome instanceof PutOutcome.Existed existed) {
                throw alreadyExists(email, existed.stored());
            }
            // The hash's random salt makes the item unique: finding it means an earlier attempt wrote it
            // and the SDK retried after its answer was lost.
            return ((PutOutcome.Written) outcome).alreadyStored()
                    ? Written.checked(created, lost.checked("insert", "the user was created"))
                    : Written.answered(created);
        } catch (SdkException e) {
            Optional<Map<String, AttributeValue>> stored = lost.storedAfter(e, "insert", email);
            if (stored.isEmpty()) {
                throw lost.notApplied("insert", "user " + VisibleText.of(email) + " was not created", e);
            }
            if (!stored.get().equals(item)) {
                throw alreadyExists(email, stored.get());
            }
            return Written.checked(created, lost.checked("insert", "the user was created"));
        }
    }

    private static ConsoleException alreadyExists(String email, Map<String, AttributeValue> stored) {
        AttributeValue key = stored.get(User.EMAIL);
        String storedAs = key == null || key.s() == null || key.s().equals(email) ? ""
                : " (stored as " + VisibleText.of(key.s()) + ")";
        return new ConsoleException(Problem.ALREADY_EXISTS,
                "A user with email " + VisibleText.of(email) + " already exists" + storedAs + ".");
    }

    /**
     * Every user, read page by page as the stream is consumed (a scan returns at most 1 MB per page).
     * The password is read only to tell a locked account; a user keeps nothing else of it.
     */
    public Stream<User> list() {
        return list(1);
    }

    /** Every user, read by {@code segments} parallel scans; order is not kept across segments. */
    public Stream<User> list(int segments) {
        return list(Query.ALL, segments);
    }

    /**
     * The users the query keeps: looked up by key when it names a whole address, else scanned by
     * {@code segments} parallel readers with the terms DynamoDB can evaluate sent along.
     */
    public Stream<User> list(Query query, int segments) {
        return search.list(query, segments);
    }

    /**
     * Reads the users the query keeps and tells the listener page by page while the read runs, so matches
     * show as they stream in. Stops after {@code maxMatches} matches, or as soon as {@code cancelled} says so.
     *
     * @return whether every user the query could keep was read
     */
    public boolean search(Query query, int segments, int maxMatches, SearchListener listener,
                          BooleanSupplier cancelled) {
        return search.search(query, segments, maxMatches, listener, cancelled);
    }

    /**
     * Segments for a full scan when the caller does not choose: the embedded database is one SQLite file
     * behind one lock, so parallel segments only add overhead there; over HTTP they overlap the waits.
     */
    public int defaultScanSegments() {
        return database.isEmbedded() ? 1 : 4;
    }

    /** Every user with the stored password hash, for backups and migrations only. */
    public Stream<StoredUser> listWithHashes(int segments) {
        return listWithHashes(Query.ALL, segments);
    }

    /** The users the query keeps, with their stored hashes (an export with hashes of some users). */
    public Stream<StoredUser> listWithHashes(Query query, int segments) {
        return search.listWithHashes(query, segments);
    }

    /** The users with these emails, each read as {@link #find} reads it, with its stored hash; those missing are left out. */
    public Stream<StoredUser> findWithHashes(List<String> emails) {
        return emails.stream().map(this::findItem).flatMap(Optional::stream).map(StoredUser::of);
    }

    /**
     * At most {@code max} email addresses, in scan order: one keys-only read of the table (no other attribute
     * is read, never a hash), for shell completion.
     */
    public List<String> emails(int max) {
        ScanRequest keysOnly = ScanRequest.builder().tableName(table.name()).projectionExpression("#key")
                .expressionAttributeNames(Map.of("#key", UserTable.KEY)).build();
        try (Stream<Map<String, AttributeValue>> items = scan.items(keysOnly, 1)) {
            return items.map(item -> item.get(UserTable.KEY)).filter(key -> key != null && key.s() != null)
                    .map(AttributeValue::s).limit(max).toList();
        }
    }

    /**
     * One page of at most {@code limit} users, starting after {@code after} (or at the beginning when empty):
     * for browsing a table of any size without reading all of it.
     */
    public UserPage page(Optional<UserPage.Cursor> after, int limit) {
        try {
            ScanResponse response = scan.page(UserSearch.shownScan(table.name()).limit(limit)
                    .exclusiveStartKey(after.map(UserPage.Cursor::key).orElse(null)).build());
            List<User> users = response.items().stream().map(User::fromItem).collect(Collectors.toList());
            Optional<UserPage.Cursor> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? Optional.of(new UserPage.Cursor(response.lastEvaluatedKey())) : Optional.empty();
            return new UserPage(users, next);
        } catch (SdkException e) {
            throw errors.translate(e);
        }
    }

    /** The user stored under exactly this key, or else under its normalised form; strongly consistent. */
    public Optional<User> find(String email) {
        return findItem(email).map(User::fromItem);
    }

    public User get(String email) {
        return find(email).orElseThrow(() -> notFound(email));
    }

    /**
     * The whole account as stored (every attribute, also other tools'), printable, with the password described
     * and never shown; read as {@link #find} reads.
     */
    public UserDetails details(String email) {
        return findItem(email).map(new ItemDetails(ZoneId.systemDefault())::of).orElseThrow(() -> notFound(email));
    }

    /** The audited actions on this user, newest first, at most {@code limit}: read from the audit log's end. */
    public AuditHistory.Found history(String email, int limit) {
        return guard.history().find(UserValidator.lookupKey(email), limit);
    }

    /** Reads the user, then applies the changes unless someone else changes the user in between. */
    public Written update(String email, UserChanges changes) {
        return guard.run(WriteAction.UPDATE, email, WriteGuard.changedFields(changes),
                () -> updateUnguarded(email, changes));
    }

    private Written updateUnguarded(String email, UserChanges changes) {
        User current = readBeforeWrite(() -> get(email));
        return write(current, validate(changes, current));
    }

    /**
     * Applies changes to a user as it was loaded earlier (by a form, say): refused with
     * {@link Problem#CHANGED_BY_SOMEONE_ELSE} if the stored user is no longer that version.
     */
    public Written update(User loaded, UserChanges changes) {
        return guard.run(WriteAction.UPDATE, loaded.emailAddress(), WriteGuard.changedFields(changes),
                () -> write(loaded, validate(changes, loaded)));
    }

    /** @param user the user as read: a new password must not be its email or (new) names */
    private ValidChanges validate(UserChanges changes, User user) {
        if (changes.isEmpty()) {
            throw new ConsoleException(Problem.NOTHING_TO_UPDATE,
                    "Nothing to update: give a new first name, last name or password.");
        }
        String firstName = changes.firstName() == null ? null : UserValidator.firstName(changes.firstName());
        String lastName = changes.lastName() == null ? null : UserValidator.lastName(changes.lastName());
        String hash = changes.newPassword() == null ? null : hasher.hash(passwords.check(changes.newPassword(),
                new PasswordContext(user.emailAddress(), firstName == null ? user.firstName() : firstName,
                        lastName == null ? user.lastName() : lastName, table.name())));
        return new ValidChanges(firstName, lastName, hash);
    }

    private Written write(User loaded, ValidChanges changes) {
        Map<String, String> set = new LinkedHashMap<>();
        if (changes.firstName() != null) {
            set.put(User.FIRST_NAME, changes.firstName());
        }
        if (changes.lastName() != null) {
            set.put(User.LAST_NAME, changes.lastName());
        }
        if (changes.passwordHash() != null) {
            // a locked user stays locked: the new hash gets the lock prefix too (unlock lifts it)
            set.put(User.PASSWORD, loaded.locked() ? StoredHash.lock(changes.passwordHash()) : changes.passwordHash());
        }
        return updates.apply(loaded, VersionedUpdate.Change.setting(set), "update");
    }

    /**
     * Deletes the user stored under exactly this key, or else under its normalised form. The user is read
     * first, so a retry that finds it gone knows an earlier attempt deleted it.
     */
    public Written delete(String email) {
        return guard.run(WriteAction.DELETE, email, List.of(), () -> deleteUnguarded(email));
    }

    /**
     * A delete by email deletes whatever version is stored: a change that lands between the read and the delete
     * (the copy kept in the trash would be out of date, so the delete is refused) is read again, a few times.
     */
    private Written deleteUnguarded(String email) {
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> item = readBeforeWrite(() -> findItem(email)).orElseThrow(() -> notFound(email));
            try {
                return trash.delete(item);
            } catch (ConsoleException e) {
                if (e.problem() != Problem.CHANGED_BY_SOMEONE_ELSE || attempt == DELETE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Deletes the user without keeping it in the trash: it cannot be undeleted. */
    public Written deletePermanently(String email) {
        return guard.run(WriteAction.DELETE, email, List.of(), () -> deletePermanentlyUnguarded(email));
    }

    private Written deletePermanentlyUnguarded(String email) {
        User found = User.fromItem(readBeforeWrite(() -> findItem(email)).orElseThrow(() -> notFound(email)));
        String key = found.emailAddress();
        try {
            DeleteItemResponse deleted = client.deleteItem(b -> b.tableName(table.name()).key(key(key))
                    .conditionExpression("attribute_exists(#key)")
                    .expressionAttributeNames(Map.of("#key", User.EMAIL))
                    .returnValues(ReturnValue.ALL_OLD).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            capacity.wrote(units(deleted.consumedCapacity()));
            Map<String, AttributeValue> old = deleted.attributes();
            return Written.answered(old == null || old.isEmpty() ? found : User.fromItem(old));
        } catch (ConditionalCheckFailedException e) {
            // it was there a moment ago: an earlier attempt that lost its answer deleted it
            if (LostAnswers.earlierAttemptMayHaveApplied(e)) {
                return Written.checked(found, lost.checked("delete", "the user is deleted"));
            }
            throw notFound(email);
        } catch (SdkException e) {
            if (lost.storedAfter(e, "delete", key).isPresent()) {
                throw lost.notApplied("delete", "user " + VisibleText.of(key) + " was not deleted", e);
            }
            return Written.checked(found, lost.checked("delete", "the user is deleted"));
        }
    }

    /** The attributes lock and unlock write (names only), for the audit log. */
    public static final List<String> LOCK_FIELDS = AccountLocks.FIELDS;

    /**
     * Locks the user stored under exactly this key, or else under its normalised form: its hash gets the
     * {@code !} prefix, so no password matches (also in the original app), and lockedAt, lockedBy and the
     * optional reason are recorded. Refused ({@link Problem#ALREADY_LOCKED}) when it is locked already.
     */
    public Written lock(String email, String reason) {
        return guard.run(WriteAction.LOCK, email, AccountLocks.FIELDS,
                () -> locks.lock(UserValidator.lockReason(reason), storedForWrite(email), null));
    }

    /** Locks the user as it was loaded earlier: refused if it changed since ({@link Problem#CHANGED_BY_SOMEONE_ELSE}). */
    public Written lock(User loaded, String reason) {
        return guard.run(WriteAction.LOCK, loaded.emailAddress(), AccountLocks.FIELDS,
                () -> locks.lock(UserValidator.lockReason(reason), storedForWrite(loaded), loaded));
    }

    /**
     * Deletes the user as it was loaded earlier: refused if it changed since
     * ({@link Problem#CHANGED_BY_SOMEONE_ELSE}), so a preview's user is never deleted in another version.
     */
    public Written delete(User loaded) {
        return guard.run(WriteAction.DELETE, loaded.emailAddress(), List.of(), () -> {
            Map<String, AttributeValue> stored = storedForWrite(loaded);
            if (!Objects.equals(User.fromItem(stored).dateUpdated(), loaded.dateUpdated())) {
                throw Trash.changed(loaded.emailAddress());
            }
            return trash.delete(stored);
        });
    }

    /** {@link #delete(User)} without the trash. */
    public Written deletePermanently(User loaded) {
        return guard.run(WriteAction.DELETE, loaded.emailAddress(), List.of(), () -> deletes.delete(loaded));
    }

    /** The users a query keeps, read now: what a bulk action will act on, each in the version read. */
    public BulkPlan planBulk(BulkAction action, Query query) {
        if (action == BulkAction.UNDELETE) {
            return trash.plan(trashScan, query);
        }
        try (Stream<Map<String, AttributeValue>> items = search.items(query, defaultScanSegments())) {
            List<Map<String, AttributeValue>> read = items.toList();
            return new BulkPlan(action, "filter " + query.text(), read.stream().map(User::fromItem).toList(), List.of(),
                    PlannedItems.of(read));
        }
    }

    /** The users with these emails (each found as {@link #find} finds it), read now; the others are missing. */
    public BulkPlan planBulk(BulkAction action, String selection, List<String> emails) {
        if (action == BulkAction.UNDELETE) {
            return trash.plan(trashScan, selection, emails);
        }
        Map<String, Map<String, AttributeValue>> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String email : emails) {
            Optional<Map<String, AttributeValue>> item = findItem(email);
            if (item.isPresent()) {
                found.putIfAbsent(item.get().get(User.EMAIL).s(), item.get());
            } else {
                missing.add(email);
            }
        }
        List<Map<String, AttributeValue>> read = List.copyOf(found.values());
        return new BulkPlan(action, selection, read.stream().map(User::fromItem).toList(), List.copyOf(missing),
                PlannedItems.of(read));
    }

    /**
     * Applies the plan's action to each of its users as previewed (a user changed since is skipped and
     * reported), by several writers; each write is audited as its own, then one line has the counts.
     */
    public BulkReport runBulk(BulkPlan plan, String lockReason, AtomicLong done, BooleanSupplier cancelled) {
        BulkRunner.UserWrite write = switch (plan.action()) {
            case DELETE -> this::delete;
            case DELETE_PERMANENTLY -> this::deletePermanently;
            case LOCK -> loaded -> lockAsPlanned(loaded, lockReason, plan.items());
            case UNLOCK -> loaded -> unlockAsPlanned(loaded, plan.items());
            case UNDELETE -> deleted -> undelete(deleted.emailAddress());
            case RESET_PASSWORD -> throw new IllegalArgumentException("a password reset needs runBulkReset");
        };
        return runBulk(plan, write, done, cancelled);
    }

    /**
     * Resets the password of each of the plan's users as previewed; each new password goes to {@code passwords}
     * as soon as it is set, and nowhere else.
     */
    public BulkReport runBulkReset(BulkPlan plan, PasswordGenerator.Style style, boolean unlock,
                                   NewPasswords passwords, AtomicLong done, BooleanSupplier cancelled) {
        return runBulk(plan, loaded -> {
            NewPassword reset = resetPassword(loaded, style, unlock);
            try {
                passwords.add(reset.written().user().emailAddress(), reset.password());
            } catch (RuntimeException e) {
                throw new IllegalStateException("the new password was set but could not be written down ("
                        + e.getMessage() + "); reset it again", e);
            }
        }, done, cancelled);
    }

    private BulkReport runBulk(BulkPlan plan, BulkRunner.UserWrite write, AtomicLong done, BooleanSupplier cancelled) {
        BulkRunner runner = new BulkRunner(BULK_WRITERS, pacers.writes());
        return guard.runRows(plan.action().summary(), rows -> runner.run(plan, write, done, cancelled),
                BulkReport::auditSummary);
    }

    /**
     * A bulk lock of the user as the plan read it, conditional on that version and that hash, so it needs no
     * second read. Refused, it is tried once more on a strongly consistent read, which tells a user locked
     * meanwhile (unchanged) from one changed (refused) and a scan's stale copy from a change.
     */
    private Written lockAsPlanned(User loaded, String reason, PlannedItems planned) {
        String why = UserValidator.lockReason(reason);
        return guard.run(WriteAction.LOCK, loaded.emailAddress(), AccountLocks.FIELDS, () -> asPlanned(loaded, planned,
                stored -> locks.lock(why, stored, loaded)));
    }

    private Written unlockAsPlanned(User loaded, PlannedItems planned) {
        return guard.run(WriteAction.UNLOCK, loaded.emailAddress(), AccountLocks.FIELDS, () -> asPlanned(loaded, planned,
                stored -> locks.unlock(stored, loaded)));
    }

    private Written asPlanned(User loaded, PlannedItems planned, Function<Map<String, AttributeValue>, Written> write) {
        Optional<Map<String, AttributeValue>> read = planned.item(loaded.emailAddress());
        if (read.isPresent()) {
            try {
                return write.apply(read.get());
            } catch (ConsoleException e) {
                if (e.problem() != Problem.CHANGED_BY_SOMEONE_ELSE) {
                    throw e;
                }
            }
        }
        return write.apply(storedForWrite(loaded));
    }

    /** Removes the lock prefix and the lock attributes: the old password works again. */
    public Written unlock(String email) {
        return guard.run(WriteAction.UNLOCK, email, AccountLocks.FIELDS,
                () -> locks.unlock(storedForWrite(email), null));
    }

    public Written unlock(User loaded) {
        return guard.run(WriteAction.UNLOCK, loaded.emailAddress(), AccountLocks.FIELDS,
                () -> locks.unlock(storedForWrite(loaded), loaded));
    }

    /**
     * Sets a new generated password and returns it, once; it is never logged, audited or kept. A locked user
     * stays locked unless {@code unlock}.
     */
    public NewPassword resetPassword(String email, PasswordGenerator.Style style, boolean unlock) {
        return guard.run(WriteAction.RESET_PASSWORD, email, PasswordReset.fields(unlock),
                () -> resets.reset(storedForWrite(email), null, style, unlock));
    }

    public NewPassword resetPassword(User loaded, PasswordGenerator.Style style, boolean unlock) {
        return guard.run(WriteAction.RESET_PASSWORD, loaded.emailAddress(), PasswordReset.fields(unlock),
                () -> resets.reset(storedForWrite(loaded), loaded, style, unlock));
    }

    /** The item a write starts from, found as {@link #find} finds it. */
    private Map<String, AttributeValue> storedForWrite(String email) {
        return readBeforeWrite(() -> findItem(email)).orElseThrow(() -> notFound(email));
    }

    /** The item a write on a loaded user starts from, under exactly its key. */
    private Map<String, AttributeValue> storedForWrite(User loaded) {
        String key = UserValidator.lookupKey(loaded.emailAddress());
        return readBeforeWrite(() -> getItem(key)).orElseThrow(() -> notFound(key));
    }

    /**
     * Imports users; rows whose email exists are skipped (or counted as failures with {@code failOnExisting}).
     * Invalid rows are reported with their line and reason, and nothing is written for them.
     */
    public ImportReport importUsers(Iterator<ImportRow> rows, boolean failOnExisting, ImportProgress progress) {
        return guard.runImport(audit -> new UserImporter(this::newItemWriter, hasher, passwords, table.name(), timestamps)
                .run(rows, failOnExisting ? UserImporter.OnExisting.FAIL : UserImporter.OnExisting.SKIP, progress,
                        audit));
    }

    /** A writer of many new items on this connection, for bulk work (import, restore); close it when done. */
    private NewItemWriter newItemWriter() {
        return new NewItemWriter(client, table.name(), features, errors, BULK_WRITERS, pacers.writes(), capacity);
    }

    /**
     * Writes every item, every attribute exactly as stored, to a new backup file readable by its owner only
     * (DynamoDB JSON, gzip when the name ends in .gz); an existing file is replaced only when asked.
     *
     * @return the number of items written; {@code done} counts them as they are
     */
    public long backup(Path file, boolean replace, int segments, AtomicLong done) {
        return new TableBackup(scan, table.name()).writeTo(file, replace, segments, done);
    }

    /**
     * Puts a backup's items back exactly, never over an existing item: already restored ones are counted,
     * different ones under the same key are conflicts and kept. Malformed lines are reported by number.
     */
    public RestoreReport restore(Iterator<BackupFile.Line> lines, ImportProgress progress) {
        return guard.runRows(WriteAction.RESTORE,
                audit -> new TableRestore(client, table.name(), errors, this::newItemWriter)
                        .run(lines, progress, audit),
                RestoreReport::auditSummary);
    }

    /**
     * The health report: one scan of every item, whole (the hashes are described, never returned), in
     * {@code segments} parallel parts; {@code scanned} counts the items read, {@code cancelled} stops it.
     */
    public HealthReport healthReport(int segments, AtomicLong scanned, BooleanSupplier cancelled) {
        return health().report(segments, scanned, cancelled);
    }

    /** Applies a fix of the health report to the users of its plan, each read again first; audited. */
    public FixReport fixHealth(FixPlan plan, AtomicLong done, BooleanSupplier cancelled) {
        return guard.runRows(plan.kind().action(), audit -> health().fix(plan, done, cancelled, audit),
                FixReport::auditSummary);
    }

    private TableHealth health() {
        return new TableHealth(client, table.name(), errors, scan, features, this::lock, Settings.MIN_BCRYPT_COST);
    }

    /** Whether the password matches the user's stored hash ($2a$, $2b$ or $2y$); refused for a locked user. */
    public boolean checkPassword(String email, String password) {
        Map<String, AttributeValue> item = findItem(email).orElseThrow(() -> notFound(email));
        AccountLocks.refuseIfLocked(item);
        return hasher.matches(password == null ? "" : password, User.string(item, User.PASSWORD));
    }

    private Optional<Map<String, AttributeValue>> findItem(String email) {
        String exact = UserValidator.lookupKey(email);
        Optional<Map<String, AttributeValue>> item = getItem(exact);
        String normalised = normalise(exact);
        if (item.isEmpty() && !normalised.equals(exact) && !normalised.isEmpty()) {
            item = getItem(normalised);
        }
        return item;
    }

    private Optional<Map<String, AttributeValue>> getItem(String key) {
        try {
            GetItemResponse read = client.getItem(b -> b.tableName(table.name()).key(key(key))
                    .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            capacity.read(units(read.consumedCapacity()));
            Map<String, AttributeValue> item = read.item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
        } catch (SdkException e) {
            throw errors.translate(e);
        }
    }

    /** A read a write needs first: when the credentials may not read, the write was not made either. */
    private static <T> T readBeforeWrite(Supplier<T> read) {
        try {
            return read.get();
        } catch (ConsoleException e) {
            throw DeniedWrite.nothingWritten(e);
        }
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static Map<String, AttributeValue> key(String email) {
        return Map.of(UserTable.KEY, AttributeValue.fromS(email));
    }

    static ConsoleException notFound(String email) {
        return new ConsoleException(Problem.NOT_FOUND, "No user with email " + VisibleText.of(email) + ".");
    }

    @Override
    public void close() {
        database.close();
    }

    private record ValidChanges(String firstName, String lastName, String passwordHash) {
    }
}
