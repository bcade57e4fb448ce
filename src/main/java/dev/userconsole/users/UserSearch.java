package dev.userconsole.users;

import dev.userconsole.store.ParallelScan;
import dev.userconsole.users.query.Query;
import dev.userconsole.users.query.ScanFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Finds the users a query keeps, by the cheapest read that can: GetItem when the query names a whole address
 * (the key as typed and its normalised form), else a scan in parallel segments that sends DynamoDB the terms
 * it can evaluate (a FilterExpression) and tests every item it returns against the whole query.
 */
final class UserSearch {
    /**
     * Every attribute a display may show, and the password: read only to tell a locked account by its
     * {@code !} prefix and what kind of hash it holds (for {@code locked:} and {@code hash:}), never kept.
     */
    private static final List<String> SHOWN_ATTRIBUTES = List.of(User.EMAIL, User.FIRST_NAME, User.LAST_NAME,
            User.DATE_CREATED, User.DATE_UPDATED, User.PASSWORD);
    private static final Map<String, String> SHOWN_NAMES = IntStream.range(0, SHOWN_ATTRIBUTES.size()).boxed()
            .collect(Collectors.toUnmodifiableMap(i -> "#a" + i, SHOWN_ATTRIBUTES::get));
    private static final String SHOWN_PROJECTION = IntStream.range(0, SHOWN_ATTRIBUTES.size())
            .mapToObj(i -> "#a" + i).collect(Collectors.joining(", "));

    /** Items per scanned page, and so per batch told to a listener. */
    static final int SEARCH_PAGE = 500;

    private final ParallelScan scan;
    private final String table;
    private final Function<String, Optional<Map<String, AttributeValue>>> getItem;

    /** @param getItem reads the item stored under exactly this key, strongly consistently */
    UserSearch(ParallelScan scan, String table, Function<String, Optional<Map<String, AttributeValue>>> getItem) {
        this.scan = scan;
        this.table = table;
        this.getItem = getItem;
    }

    /** A scan of the attributes users are shown with. */
    static ScanRequest.Builder shownScan(String table) {
        return ScanRequest.builder().tableName(table).projectionExpression(SHOWN_PROJECTION)
                .expressionAttributeNames(SHOWN_NAMES);
    }

    /** Every user the query keeps; order is not kept across segments. */
    Stream<User> list(Query query, int segments) {
        return items(query, segments).map(User::fromItem);
    }

    /** The items (the attributes users are shown with, and the password) of every user the query keeps. */
    Stream<Map<String, AttributeValue>> items(Query query, int segments) {
        Optional<String> address = query.exactEmail();
        Stream<Map<String, AttributeValue>> items = address.isPresent() ? lookUp(address.get()).stream()
                : scan.items(request(query, 0), segments);
        return items.filter(query::matches);
    }

    /** Every user the query keeps, with the stored hash: for an export with hashes. */
    Stream<StoredUser> listWithHashes(Query query, int segments) {
        Optional<String> address = query.exactEmail();
        Stream<Map<String, AttributeValue>> items = address.isPresent() ? lookUp(address.get()).stream()
                : scan.items(filtered(ScanRequest.builder().tableName(table), query, Map.of()), segments);
        return items.filter(query::matches).map(StoredUser::of);
    }

    /**
     * Tells the listener, page by page while the read runs, what the query keeps, so matches show as they
     * stream in (and a scan that keeps nothing for a while still says how far it got). Stops after
     * {@code maxMatches} matches, or as soon as {@code cancelled} says so.
     *
     * @return whether every user the query could keep was read
     */
    boolean search(Query query, int segments, int maxMatches, SearchListener listener, BooleanSupplier cancelled) {
        Optional<String> address = query.exactEmail();
        if (address.isPresent()) {
            List<Map<String, AttributeValue>> found = lookUp(address.get());
            listener.found(found.stream().filter(query::matches).map(User::fromItem).limit(maxMatches).toList(),
                    found.size());
            return true;
        }
        long scanned = 0;
        int found = 0;
        try (Stream<ScanResponse> all = scan.pages(request(query, SEARCH_PAGE), segments)) {
            Iterator<ScanResponse> pages = all.iterator();
            while (found < maxMatches && !cancelled.getAsBoolean()) {
                if (!pages.hasNext()) {
                    return true;
                }
                ScanResponse page = pages.next();
                scanned += page.scannedCount() == null ? page.count() : page.scannedCount();
                List<User> batch = new ArrayList<>();
                for (Map<String, AttributeValue> item : page.items()) {
                    if (found < maxMatches && query.matches(item)) {
                        batch.add(User.fromItem(item));
                        found++;
                    }
                }
                listener.found(List.copyOf(batch), scanned);
            }
            return false;
        }
    }

    /** The item under the key as typed and the one under its normalised form: twins are both found. */
    private List<Map<String, AttributeValue>> lookUp(String address) {
        Map<String, Map<String, AttributeValue>> found = new LinkedHashMap<>();
        String typed = UserValidator.lookupKey(address);
        Stream.of(typed, UserValidator.normalisedKey(typed)).distinct().filter(key -> !key.isEmpty())
                .forEach(key -> getItem.apply(key).ifPresent(item -> found.put(key, item)));
        return List.copyOf(found.values());
    }

    private ScanRequest request(Query query, int limit) {
        ScanRequest.Builder request = shownScan(table);
        if (limit > 0) {
            request.limit(limit);
        }
        return filtered(request, query, SHOWN_NAMES);
    }

    /** The request with the query's FilterExpression, when DynamoDB can evaluate part of it. */
    private static ScanRequest filtered(ScanRequest.Builder request, Query query, Map<String, String> projected) {
        Optional<ScanFilter> filter = query.scanFilter();
        if (filter.isPresent()) {
            Map<String, String> names = new HashMap<>(projected);
            names.putAll(filter.get().names());
            request.filterExpression(filter.get().expression()).expressionAttributeNames(names)
                    .expressionAttributeValues(filter.get().values());
        }
        return request.build();
    }
}
