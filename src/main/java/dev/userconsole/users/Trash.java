package dev.userconsole.users;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.store.EngineFeatures;
import dev.userconsole.store.ParallelScan;
import dev.userconsole.store.SdkErrors;
import dev.userconsole.store.UserTable;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.audit.AuditLog;
import dev.userconsole.users.backup.SameItem;
import dev.userconsole.users.bulk.BulkAction;
import dev.userconsole.users.bulk.BulkPlan;
import dev.userconsole.users.health.VersionCondition;
import dev.userconsole.users.query.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Every delete first keeps the whole item (hash included) in the trash table, under its email and the time of
 * the deletion, with a TTL so DynamoDB expires it after the configured days. Keeping and deleting are one
 * transaction where the engine has transactions; where it has none (dynalite, Alternator) the copy is written
 * first and the delete is conditional on the version copied, so a crash between the two leaves the user in both
 * places, never in neither. Undelete puts the item back exactly as it was, only while its email is free.
 */
final class Trash {
    static final String DELETED_BY = "deletedBy";
    /** The deleted item, exactly as it was stored, as one map attribute: no attribute of it can clash. */
    static final String ITEM = "item";
    private static final String ABSENT = "attribute_not_exists(#key)";
    private static final String PRESENT = "attribute_exists(#key)";
    private static final Map<String, String> KEY_NAME = Map.of("#key", User.EMAIL);

    private final DynamoDbClient client;
    private final String users;
    private final UserTable table;
    private final EngineFeatures features;
    private final SdkErrors errors;
    private final LostAnswers lost;
    private final Timestamps timestamps;
    private final Duration keptFor;
    private final Function<String, Optional<Map<String, AttributeValue>>> getUser;

    /**
     * @param errors   translates the trash table's errors
     * @param getUser  the controller's strongly consistent read of the users table (its errors name that table)
     */
    Trash(DynamoDbClient client, String users, UserTable table, EngineFeatures features, SdkErrors errors,
          LostAnswers lost, Timestamps timestamps, int days,
          Function<String, Optional<Map<String, AttributeValue>>> getUser) {
        this.client = client;
        this.users = users;
        this.table = table;
        this.features = features;
        this.errors = errors;
        this.lost = lost;
        this.timestamps = timestamps;
        this.keptFor = Duration.ofDays(days);
        this.getUser = getUser;
    }

    String name() {
        return table.name();
    }

    UserTable table() {
        return table;
    }

    /** Keeps the item as read in the trash and deletes the user, as long as it is still the version read. */
    Written delete(Map<String, AttributeValue> item) {
        String key = item.get(User.EMAIL).s();
        Map<String, AttributeValue> entry = entry(item);
        VersionCondition version = VersionCondition.of(item);
        User user = User.fromItem(item);
        try {
            if (features.mayHave(EngineFeatures.Feature.TRANSACTIONS)) {
                Optional<Written> done = inOneTransaction(key, user, entry, version);
                if (done.isPresent()) {
                    return done.get();
                }
            }
            put(entry);
        } catch (ResourceNotFoundException e) {
            throw missing();
        }
        try {
            client.deleteItem(b -> b.tableName(users).key(UserController.key(key)).conditionExpression(
                    version.expression()).expressionAttributeNames(version.names())
                    .expressionAttributeValues(version.values()));
            return Written.answered(user);
        } catch (ConditionalCheckFailedException e) {
            if (LostAnswers.earlierAttemptMayHaveApplied(e) && getUser.apply(key).isEmpty()) {
                return Written.checked(user, lost.checked("delete", "the user is deleted and kept in the trash"));
            }
            removeEntry(entry); // the copy is of a version that is no longer the user's
            throw changedOrGone(key);
        } catch (SdkException e) {
            return lostDelete(key, user, e);
        }
    }

    /** Empty, having written nothing, when the engine has no transactions. */
    private Optional<Written> inOneTransaction(String key, User user, Map<String, AttributeValue> entry,
                                               VersionCondition version) {
        try {
            return features.ifSupported(EngineFeatures.Feature.TRANSACTIONS, () -> client.transactWriteItems(b ->
                    b.transactItems(
                            TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(entry)
                                    .conditionExpression(ABSENT).expressionAttributeNames(KEY_NAME)).build(),
                            TransactWriteItem.builder().delete(d -> d.tableName(users).key(UserController.key(key))
                                    .conditionExpression(version.expression()).expressionAttributeNames(version.names())
                                    .expressionAttributeValues(version.values())).build())))
                    .map(done -> Written.answered(user));
        } catch (TransactionCanceledException e) {
            // an attempt whose answer was lost may have applied, and the SDK's retry then finds the user gone
            if (LostAnswers.earlierAttemptMayHaveApplied(e) && keptInTrash(entry)) {
                return Optional.of(Written.checked(user, lost.checked("delete",
                        "the user is deleted and kept in the trash")));
            }
            if (failedCondition(e, 1)) {
                throw changedOrGone(key);
            }
            throw errors.translate(e);
        } catch (ResourceNotFoundException e) {
            throw e;
        } catch (SdkException e) {
            return Optional.of(lostDelete(key, user, e));
        }
    }

    private Written lostDelete(String key, User user, SdkException e) {
        if (lost.storedAfter(e, "delete", key).isPresent()) {
            throw lost.notApplied("delete", "user " + VisibleText.of(key) + " was not deleted", e);
        }
        return Written.checked(user, lost.checked("delete", "the user is deleted and kept in the trash"));
    }

    private Map<String, AttributeValue> entry(Map<String, AttributeValue> item) {
        String deletedAt = timestamps.now();
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put(User.EMAIL, item.get(User.EMAIL));
        entry.put(UserTable.DELETED_AT, AttributeValue.fromS(deletedAt));
        entry.put(DELETED_BY, AttributeValue.fromS(AuditLog.administrator()));
        entry.put(UserTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(
                Instant.parse(deletedAt).plus(keptFor).getEpochSecond())));
        entry.put(ITEM, AttributeValue.fromM(item));
        return entry;
    }

    /** Whether this very entry (its email and deletion time) is in the trash: the transaction that wrote it applied. */
    private boolean keptInTrash(Map<String, AttributeValue> entry) {
        try {
            Map<String, AttributeValue> kept = client.getItem(b -> b.tableName(table.name()).key(entryKey(entry))
                    .consistentRead(true)).item();
            return kept != null && !kept.isEmpty();
        } catch (SdkException e) {
            throw errors.translate(e);
        }
    }

    private void put(Map<String, AttributeValue> entry) {
        try {
            client.putItem(b -> b.tableName(table.name()).item(entry).conditionExpression(ABSENT)
                    .expressionAttributeNames(KEY_NAME));
        } catch (ResourceNotFoundException e) {
            throw e;
        } catch (SdkException e) {
            // nothing was deleted; at worst a copy is kept that no delete followed
            throw errors.translate(e);
        }
    }

    private void removeEntry(Map<String, AttributeValue> entry) {
        try {
            client.deleteItem(b -> b.tableName(table.name()).key(entryKey(entry)));
        } catch (SdkException e) {
            // a stray copy of a user still stored harms nothing: undelete refuses while the email is taken
        }
    }

    /** Every deleted user the trash keeps, newest first; never a hash. */
    List<TrashEntry> entries(ParallelScan scan) {
        return entries(scan, Query.ALL);
    }

    /** A bulk undelete of the deleted users the query keeps: the newest deletion of each email. */
    BulkPlan plan(ParallelScan scan, Query query) {
        return new BulkPlan(BulkAction.UNDELETE, "deleted users, filter " + query.text(),
                List.copyOf(newestOfEach(entries(scan, query)).values()), List.of());
    }

    /** A bulk undelete of the deleted users with these emails (as typed or normalised), from one read of the trash. */
    BulkPlan plan(ParallelScan scan, String selection, List<String> emails) {
        Map<String, User> deleted = newestOfEach(entries(scan));
        Map<String, User> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String email : emails) {
            User user = deleted.getOrDefault(email, deleted.get(UserValidator.normalisedKey(email)));
            if (user == null) {
                missing.add(email);
            } else {
                found.putIfAbsent(user.emailAddress(), user);
            }
        }
        return new BulkPlan(BulkAction.UNDELETE, selection, List.copyOf(found.values()), List.copyOf(missing));
    }

    /** Undelete restores the newest deletion of an email: one user an email, by stored email, newest first. */
    private static Map<String, User> newestOfEach(List<TrashEntry> newestFirst) {
        Map<String, User> newest = new LinkedHashMap<>();
        newestFirst.forEach(entry -> newest.putIfAbsent(entry.user().emailAddress(), entry.user()));
        return newest;
    }

    /** The deleted users the query keeps (tested on each user as it was when deleted), newest first. */
    List<TrashEntry> entries(ParallelScan scan, Query query) {
        try (Stream<Map<String, AttributeValue>> items = scan.items(ScanRequest.builder().tableName(table.name())
                .build(), 1)) {
            return items.filter(entry -> query.isEmpty() || entry.get(ITEM) != null && entry.get(ITEM).hasM()
                            && query.matches(entry.get(ITEM).m()))
                    .map(Trash::shown).sorted(Comparator.comparing(TrashEntry::deletedAt).reversed()).toList();
        } catch (ConsoleException e) {
            if (e.problem() != Problem.TABLE_MISSING) {
                throw e;
            }
            throw new TrashMissingException(table.name(), "The trash table " + table.name() + " does not exist,"
                    + " so nothing is kept in it (and deletes are refused): create it with create-table (or Create"
                    + " table in the console), which creates whichever table is missing.");
        }
    }

    private static TrashEntry shown(Map<String, AttributeValue> entry) {
        AttributeValue expires = entry.get(UserTable.EXPIRES_AT);
        AttributeValue item = entry.get(ITEM);
        return new TrashEntry(User.fromItem(item == null || item.m() == null ? Map.of(User.EMAIL, entry.get(User.EMAIL))
                : item.m()), User.string(entry, UserTable.DELETED_AT), User.string(entry, DELETED_BY),
                expires == null || expires.n() == null ? null : Instant.ofEpochSecond(Long.parseLong(expires.n())));
    }

    /** Puts the newest trash entry of this email back as it was, while no user has the email, and removes it. */
    Written undelete(String email) {
        String typed = UserValidator.lookupKey(email);
        Map<String, AttributeValue> entry = newest(typed)
                .or(() -> newest(UserValidator.normalisedKey(typed)))
                .orElseThrow(() -> new ConsoleException(Problem.NOT_FOUND, "No deleted user with email "
                        + VisibleText.of(email) + " is in the trash table " + table.name() + "."));
        Map<String, AttributeValue> item = entry.get(ITEM).m();
        String key = item.get(User.EMAIL).s();
        if (features.mayHave(EngineFeatures.Feature.TRANSACTIONS)) {
            try {
                Optional<?> done = features.ifSupported(EngineFeatures.Feature.TRANSACTIONS, () ->
                        client.transactWriteItems(b -> b.transactItems(
                                TransactWriteItem.builder().put(p -> p.tableName(users).item(item)
                                        .conditionExpression(ABSENT).expressionAttributeNames(KEY_NAME)).build(),
                                TransactWriteItem.builder().delete(d -> d.tableName(table.name()).key(entryKey(entry))
                                        .conditionExpression(PRESENT).expressionAttributeNames(KEY_NAME)).build())));
                if (done.isPresent()) {
                    return Written.answered(User.fromItem(item));
                }
            } catch (TransactionCanceledException e) {
                if (failedCondition(e, 0)) {
                    throw taken(key);
                }
                if (failedCondition(e, 1)) {
                    throw new ConsoleException(Problem.NOT_FOUND, "User " + VisibleText.of(key)
                            + " was just undeleted by someone else; nothing changed.");
                }
                throw errors.translate(e);
            } catch (SdkException e) {
                throw errors.translate(e);
            }
        }
        try {
            client.putItem(b -> b.tableName(users).item(item).conditionExpression(ABSENT)
                    .expressionAttributeNames(KEY_NAME));
        } catch (ConditionalCheckFailedException e) {
            // an undelete that stopped before removing the entry left this very item: finish it
            if (!getUser.apply(key).map(stored -> SameItem.same(stored, item)).orElse(false)) {
                throw taken(key);
            }
        } catch (SdkException e) {
            throw errors.translate(e);
        }
        removeEntry(entry);
        return Written.answered(User.fromItem(item));
    }

    private Optional<Map<String, AttributeValue>> newest(String key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            QueryResponse found = client.query(b -> b.tableName(table.name()).keyConditionExpression("#key = :key")
                    .expressionAttributeNames(KEY_NAME).expressionAttributeValues(Map.of(":key", AttributeValue.fromS(key)))
                    .scanIndexForward(false).limit(1).consistentRead(true));
            return found.items().stream().findFirst();
        } catch (ResourceNotFoundException e) {
            throw new TrashMissingException(table.name(), "The trash table " + table.name()
                    + " does not exist, so there is nothing to undelete.");
        } catch (SdkException e) {
            throw errors.translate(e);
        }
    }

    private ConsoleException changedOrGone(String key) {
        return getUser.apply(key).isEmpty() ? UserController.notFound(key) : changed(key);
    }

    static ConsoleException changed(String key) {
        return new ConsoleException(Problem.CHANGED_BY_SOMEONE_ELSE, "User " + VisibleText.of(key)
                + " was changed by someone else after it was read; it was not deleted.");
    }

    private static ConsoleException taken(String key) {
        return new ConsoleException(Problem.ALREADY_EXISTS, "A user with email " + VisibleText.of(key)
                + " exists; undelete does not overwrite it, and nothing changed.");
    }

    /** Said once a delete needs it: how to make it. */
    TrashMissingException missing() {
        return new TrashMissingException(table.name(), "The trash table " + table.name() + " does not exist, so"
                + " nothing was deleted: create it with create-table (or Create table in the console), which creates"
                + " whichever table is missing, or delete with --permanent to skip the trash.");
    }

    private static Map<String, AttributeValue> entryKey(Map<String, AttributeValue> entry) {
        return Map.of(User.EMAIL, entry.get(User.EMAIL), UserTable.DELETED_AT, entry.get(UserTable.DELETED_AT));
    }

    private static boolean failedCondition(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }
}
