package dev.userconsole.users.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.users.User;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The query language: every form, what it keeps, what DynamoDB is asked to evaluate, and where a refusal points. */
class QueryTest {
    private static final String STRONG = BCrypt.hashpw("correct horse battery", BCrypt.gensalt(10));
    private static final String WEAK = BCrypt.hashpw("correct horse battery", BCrypt.gensalt(4));

    /** Users by name: each a different case for some form. */
    private static final Map<String, Map<String, AttributeValue>> USERS = new LinkedHashMap<>();

    static {
        add("ada", "ada@example.com", "Ada", "Lovelace", "2023-09-20T14:03:11.123Z", "2023-09-20T14:03:11.123Z", STRONG);
        add("grace", "grace@Corp.Example", "Grace", "Hopper", "2026-01-15T08:00:00.000Z", "2026-02-01T00:00:00.000Z",
                WEAK);
        add("mary", "mary.ann@sales.corp.example", "Mary Ann", "Smith", "2026-01-31T23:59:59.999Z",
                "2026-03-05T10:00:00.000Z", "!" + STRONG);
        add("linus", "linus@notcorp.example", "Linus", "Torvalds", "2026-02-01T00:00:00.000Z",
                "2026-02-01T00:00:00.000Z", "hunter2hunter2");
        add("old", "Old@Example.com ", "Old", "Timer", "2019-05-01T00:00:00Z", "2019-05-01T00:00:00Z", null);
    }

    private static void add(String name, String email, String first, String last, String created, String updated,
                            String password) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(User.EMAIL, AttributeValue.fromS(email));
        item.put(User.FIRST_NAME, AttributeValue.fromS(first));
        item.put(User.LAST_NAME, AttributeValue.fromS(last));
        item.put(User.DATE_CREATED, AttributeValue.fromS(created));
        item.put(User.DATE_UPDATED, AttributeValue.fromS(updated));
        if (password != null) {
            item.put(User.PASSWORD, AttributeValue.fromS(password));
        }
        USERS.put(name, item);
    }

    private static List<String> matches(String query) {
        Query parsed = Query.parse(query);
        return USERS.entrySet().stream().filter(e -> parsed.matches(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toList());
    }

    private static String refusal(String query) {
        return assertThrows(InvalidInputException.class, () -> Query.parse(query), query).getMessage();
    }

    @Test
    void theEmptyQueryKeepsEveryoneAndAsksNothingOfDynamoDb() {
        assertEquals(List.copyOf(USERS.keySet()), matches(""));
        assertEquals(List.copyOf(USERS.keySet()), matches("   "));
        assertTrue(Query.parse(" ").isEmpty());
        assertEquals(Optional.empty(), Query.parse("").scanFilter());
    }

    @Test
    void bareWordsAndPhrasesMatchEmailOrNamesIgnoringCase() {
        assertEquals(List.of("ada"), matches("LOVE"));
        assertEquals(List.of("grace", "mary", "linus"), matches("corp.example"));
        assertEquals(List.of("mary"), matches("\"mary ann\""));
        assertEquals(List.of(), matches("mary ann@example"));
        assertEquals(List.of("mary"), matches("mary ann")); // two words, ANDed
        assertEquals(List.of("ada"), matches("\"lovelace\""));
        assertEquals(new Condition.Words("ada \"the countess\""), QueryParser.parse("\"ada \\\"the countess\\\"\"", 10),
                "\\\" is a quote inside a phrase");
        assertEquals(List.of("ada", "old"), matches("example.com"));
    }

    @Test
    void fieldTermsLookInOneAttribute() {
        assertEquals(List.of("ada"), matches("first:ad"));
        assertEquals(List.of(), matches("last:ad"));
        assertEquals(List.of("mary"), matches("first:\"Mary Ann\""));
        assertEquals(List.of("ada", "old"), matches("email:EXAMPLE.COM"));
        assertEquals(List.of("linus"), matches("LAST:o FIRST:i"));
    }

    @Test
    void aWholeAddressIsMatchedAsAKeyAndLookedUpNotScanned() {
        assertEquals(List.of("old"), matches("email:old@example.com"), "normalised: case and spaces");
        assertEquals(List.of(), matches("email:ld@example.com"), "an address is not a substring");
        assertEquals(Optional.of("Old@Example.com"), Query.parse("email:Old@Example.com").exactEmail());
        assertEquals(Optional.of("ada@example.com"), Query.parse("email:ada@example.com locked:no").exactEmail());
        assertEquals(Optional.empty(), Query.parse("email:ada@example.com OR linus").exactEmail());
        assertEquals(Optional.empty(), Query.parse("-email:ada@example.com").exactEmail());
        assertEquals(Optional.empty(), Query.parse("ada@example.com").exactEmail(), "a bare word is searched for");
    }

    @Test
    void domainIsTheDomainOrASubdomainIgnoringCase() {
        assertEquals(List.of("grace", "mary"), matches("domain:corp.example"));
        assertEquals(List.of("grace", "mary"), matches("domain:@CORP.example"));
        assertEquals(List.of("linus"), matches("domain:notcorp.example"));
        assertEquals(List.of("ada", "old"), matches("domain:example.com"));
    }

    @Test
    void datesNameDaysMonthsAndYearsWithComparisonsAndRanges() {
        assertEquals(List.of("grace", "mary"), matches("created:2026-01"));
        assertEquals(List.of("mary"), matches("created:2026-01-31"));
        assertEquals(List.of("grace", "mary", "linus"), matches("created:2026"));
        assertEquals(List.of("linus"), matches("created:>2026-01"));
        assertEquals(List.of("grace", "mary", "linus"), matches("created:>=2026-01"));
        assertEquals(List.of("ada", "old"), matches("created:<2026-01"));
        assertEquals(List.of("ada", "grace", "mary", "old"), matches("created:<=2026-01"));
        assertEquals(List.of("grace", "mary", "linus"), matches("created:2026-01..2026-02"));
        assertEquals(List.of("ada", "old"), matches("created:..2023"));
        assertEquals(List.of("mary"), matches("updated:2026-03.."));
        assertEquals(List.of("grace", "linus"), matches("updated:2026-02-01"));
        assertEquals(List.of("old"), matches("updated:<2020"), "a stored date without milliseconds compares too");
    }

    @Test
    void lockAndHashStatesFollowTheHealthReport() {
        assertEquals(List.of("mary"), matches("locked:yes"));
        assertEquals(List.of("ada", "grace", "linus", "old"), matches("locked:NO"));
        assertEquals(List.of("grace"), matches("hash:weak"));
        assertEquals(List.of("linus", "old"), matches("hash:invalid"), "plaintext, and no password at all");
        assertEquals(List.of("grace", "linus", "old"), matches("hash:weak|invalid"));
        assertEquals(List.of("ada"), matches("hash:ok"));
        assertEquals(List.of("mary"), matches("hash:locked"), "a locked weak hash is only locked, as in doctor");
    }

    @Test
    void negationOrAndGroupsCombine() {
        assertEquals(List.of("ada", "linus", "old"), matches("-domain:corp.example"));
        assertEquals(List.of("ada", "grace"), matches("ada OR grace"));
        assertEquals(List.of("grace", "linus"), matches("domain:corp.example created:<2026-01-31 OR linus"));
        assertEquals(List.of("grace"), matches("domain:corp.example (created:<2026-01-31 OR linus)"));
        assertEquals(List.of("ada", "linus", "old"), matches("-(grace OR mary)"));
        assertEquals(List.of("ada", "old"), matches("-(domain:corp.example OR domain:notcorp.example)"));
        assertEquals(List.of("grace", "mary", "linus"), matches("corp or"), "a lower-case or is a word, not OR");
    }

    @Test
    void orBindsLooserThanTermsSideBySide() {
        Condition a = new Condition.Words("a");
        Condition b = new Condition.Words("b");
        Condition c = new Condition.Words("c");
        assertEquals(new Condition.Any(List.of(new Condition.All(List.of(a, b)), c)), QueryParser.parse("a b OR c", 10));
        assertEquals(new Condition.All(List.of(a, new Condition.Any(List.of(b, c)))), QueryParser.parse("a (b OR c)", 10));
        assertEquals(new Condition.All(List.of(new Condition.Not(a), b)), QueryParser.parse("-a b", 10));
    }

    @Test
    void refusalsPointAtTheColumn() {
        assertEquals("filter: at column 9, created: needs a date like 2026-01-31, 2026-01 or 2026, not \"2026-13\"",
                refusal("created:2026-13"));
        assertEquals("filter: at column 1, there is no field \"colour\"; the fields are email, first, last, domain,"
                + " created, updated, locked, hash (quote a word holding \":\")", refusal("colour:red"));
        assertTrue(refusal("ada \"lovelace").startsWith("filter: at column 5, this quote is never closed"));
        assertTrue(refusal("ada OR").startsWith("filter: at column 5, OR needs terms on both sides"));
        assertTrue(refusal("OR ada").startsWith("filter: at column 1, OR needs terms"));
        assertTrue(refusal("(ada OR grace").startsWith("filter: at column 1, this \"(\" is never closed"));
        assertTrue(refusal("ada)").startsWith("filter: at column 4, the \")\" here closes no \"(\""));
        assertTrue(refusal("ada - grace").startsWith("filter: at column 5, \"-\" must stand right before"));
        assertTrue(refusal("first:").startsWith("filter: at column 7, first: needs a value"));
        assertTrue(refusal("locked:maybe").startsWith("filter: at column 8, locked: is yes or no"));
        assertTrue(refusal("hash:weak|strong").startsWith("filter: at column 11, hash: is weak, invalid"));
        assertTrue(refusal("updated:2026-03..2026-01").contains("ends before it starts"));
        assertTrue(refusal("created:..").contains("needs a date on at least one side"));
        assertTrue(refusal("created:2026-01..2026-1x").startsWith("filter: at column 18, created: needs a date"));
        assertTrue(refusal("domain:").startsWith("filter: at column 8, domain: needs a value"));
        assertTrue(refusal("()").startsWith("filter: at column 1, \"()\" holds no terms"));
        assertTrue(refusal("\"\"").contains("empty phrase"));
        assertTrue(refusal("ünï created:x").startsWith("filter: at column 13,"), "columns count characters");
    }

    @Test
    void onlyWhatDynamoDbCanEvaluateExactlyIsSentAsAFilter() {
        assertEquals(Optional.empty(), Query.parse("ada").scanFilter(), "case-insensitive text stays local");
        assertEquals(Optional.empty(), Query.parse("hash:weak").scanFilter());
        ScanFilter dates = Query.parse("created:2026-01").scanFilter().orElseThrow();
        assertEquals("#q0 >= :q0 AND #q0 < :q1", dates.expression());
        assertEquals(Map.of("#q0", User.DATE_CREATED), dates.names());
        assertEquals(Map.of(":q0", AttributeValue.fromS("2026-01-01"), ":q1", AttributeValue.fromS("2026-02-01")),
                dates.values());
        ScanFilter mixed = Query.parse("ada created:>2026 -locked:yes").scanFilter().orElseThrow();
        assertEquals("(#q0 >= :q0) AND (NOT (begins_with(#q1, :q1)))", mixed.expression(),
                "the text term is left out and tested locally");
        ScanFilter either = Query.parse("created:<2020 OR locked:yes").scanFilter().orElseThrow();
        assertEquals("(#q0 < :q0) OR (begins_with(#q1, :q1))", either.expression());
        assertEquals(Optional.empty(), Query.parse("created:<2020 OR ada").scanFilter(),
                "a group DynamoDB cannot narrow could match anything");
        assertEquals(Optional.empty(), Query.parse("-(created:<2020 ada)").scanFilter(),
                "the negation of a superset would lose matches");
        ScanFilter unused = Query.parse("(ada OR created:2026) locked:no").scanFilter().orElseThrow();
        assertEquals("NOT begins_with(#q1, :q2)", unused.expression());
        assertEquals(Map.of("#q1", User.PASSWORD), unused.names(), "no placeholder DynamoDB would refuse as unused");
        assertEquals(Map.of(":q2", AttributeValue.fromS("!")), unused.values());
    }
}
