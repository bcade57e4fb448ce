package dev.userconsole.users.query;

import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.User;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A recursive-descent parser for the query language:
 *
 * <pre>
 * query   = [ anyOf ] end
 * anyOf   = allOf { "OR" allOf }
 * allOf   = unary { unary }
 * unary   = "-" unary | "(" anyOf ")" | term
 * term    = word | "quoted phrase" | field ":" value
 * value   = [ ">" | ">=" | "<" | "<=" ] text | date ".." date | date ".." | ".." date
 * </pre>
 *
 * A refusal names the column where the query stops making sense.
 */
final class QueryParser {
    static final List<String> FIELDS = List.of("email", "first", "last", "domain", "created", "updated", "locked",
            "hash");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z]+");
    /** A whole address (one {@code @}, something on each side, a dot in the domain): matched, not searched for. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final String text;
    private final int minimumCost;
    private int at;

    private QueryParser(String text, int minimumCost) {
        this.text = text;
        this.minimumCost = minimumCost;
    }

    /** @param minimumCost the bcrypt cost below which {@code hash:weak} holds */
    static Condition parse(String text, int minimumCost) {
        QueryParser parser = new QueryParser(text, minimumCost);
        parser.skipSpaces();
        if (parser.atEnd()) {
            return new Condition.Everything();
        }
        Condition query = parser.anyOf();
        if (!parser.atEnd()) {
            throw parser.refusal(parser.at, "the \")\" here closes no \"(\"");
        }
        return query;
    }

    private Condition anyOf() {
        List<Condition> groups = new ArrayList<>();
        groups.add(allOf());
        while (keywordOr()) {
            int start = at;
            at += 2;
            skipSpaces();
            if (atEnd() || peek() == ')' || keywordOr()) {
                throw refusal(start, "OR needs terms on both sides");
            }
            groups.add(allOf());
        }
        return groups.size() == 1 ? groups.get(0) : new Condition.Any(List.copyOf(groups));
    }

    private Condition allOf() {
        List<Condition> terms = new ArrayList<>();
        if (keywordOr()) {
            throw refusal(at, "OR needs terms on both sides");
        }
        while (!atEnd() && peek() != ')' && !keywordOr()) {
            terms.add(unary());
            skipSpaces();
        }
        return terms.size() == 1 ? terms.get(0) : new Condition.All(List.copyOf(terms));
    }

    private Condition unary() {
        int start = at;
        if (peek() == '-') {
            at++;
            if (atEnd() || Character.isWhitespace(peek()) || peek() == ')') {
                throw refusal(start, "\"-\" must stand right before the term it leaves out, as in -domain:old.example");
            }
            return new Condition.Not(unary());
        }
        if (peek() == '(') {
            at++;
            skipSpaces();
            if (atEnd() || peek() == ')') {
                throw refusal(start, atEnd() ? "this \"(\" is never closed" : "\"()\" holds no terms");
            }
            Condition inside = anyOf();
            if (atEnd()) {
                throw refusal(start, "this \"(\" is never closed");
            }
            at++; // the ")"
            return inside;
        }
        if (peek() == ')') {
            throw refusal(start, "the \")\" here closes no \"(\"");
        }
        return term();
    }

    private Condition term() {
        int start = at;
        if (peek() == '"') {
            return new Condition.Words(phrase());
        }
        String word = word();
        int colon = word.indexOf(':');
        if (colon > 0 && FIELD_NAME.matcher(word.substring(0, colon)).matches()) {
            String field = word.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!FIELDS.contains(field)) {
                throw refusal(start, "there is no field \"" + VisibleText.of(word.substring(0, colon))
                        + "\"; the fields are " + String.join(", ", FIELDS) + " (quote a word holding \":\")");
            }
            int valueAt = start + colon + 1;
            String value = word.substring(colon + 1);
            if (value.isEmpty() && !atEnd() && peek() == '"') {
                value = phrase();
            }
            if (value.isEmpty()) {
                throw refusal(valueAt, field + ": needs a value, as in " + example(field));
            }
            return field(field, value, valueAt);
        }
        return new Condition.Words(word);
    }

    private Condition field(String field, String value, int valueAt) {
        switch (field) {
            case "email":
                return ADDRESS.matcher(value).matches() ? new Condition.EmailIs(value)
                        : new Condition.Contains(User.EMAIL, value);
            case "first":
                return new Condition.Contains(User.FIRST_NAME, value);
            case "last":
                return new Condition.Contains(User.LAST_NAME, value);
            case "domain":
                String domain = value.startsWith("@") ? value.substring(1) : value;
                if (domain.isEmpty() || domain.contains("@")) {
                    throw refusal(valueAt, "domain: needs a domain, as in domain:corp.example");
                }
                return new Condition.Domain(domain);
            case "created":
                return dates(User.DATE_CREATED, field, value, valueAt);
            case "updated":
                return dates(User.DATE_UPDATED, field, value, valueAt);
            case "locked":
                return new Condition.Locked(yesOrNo(value, valueAt));
            default:
                return hashStates(value, valueAt);
        }
    }

    private Condition dates(String attribute, String field, String value, int valueAt) {
        int range = value.indexOf("..");
        if (range >= 0) {
            String from = value.substring(0, range);
            String until = value.substring(range + 2);
            if (from.isEmpty() && until.isEmpty()) {
                throw refusal(valueAt, field + ": \"..\" needs a date on at least one side, as in " + example(field));
            }
            String lower = from.isEmpty() ? null : QueryDate.bound(date(field, from, valueAt).first());
            String upper = until.isEmpty() ? null : QueryDate.bound(date(field, until, valueAt + range + 2).after());
            if (lower != null && upper != null && lower.compareTo(upper) >= 0) {
                throw refusal(valueAt, field + ": the range " + VisibleText.of(value) + " ends before it starts");
            }
            return new Condition.DateRange(attribute, lower, upper);
        }
        String operator = value.startsWith(">=") || value.startsWith("<=") ? value.substring(0, 2)
                : value.startsWith(">") || value.startsWith("<") ? value.substring(0, 1) : "";
        QueryDate date = date(field, value.substring(operator.length()), valueAt + operator.length());
        String first = QueryDate.bound(date.first());
        String after = QueryDate.bound(date.after());
        switch (operator) {
            case ">":
                return new Condition.DateRange(attribute, after, null);
            case ">=":
                return new Condition.DateRange(attribute, first, null);
            case "<":
                return new Condition.DateRange(attribute, null, first);
            case "<=":
                return new Condition.DateRange(attribute, null, after);
            default:
                return new Condition.DateRange(attribute, first, after);
        }
    }

    private QueryDate date(String field, String value, int valueAt) {
        return QueryDate.parse(value).orElseThrow(() -> refusal(valueAt, field + ": needs a date like 2026-01-31,"
                + " 2026-01 or 2026, not \"" + VisibleText.of(value) + "\""));
    }

    private boolean yesOrNo(String value, int valueAt) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes":
            case "true":
                return true;
            case "no":
            case "false":
                return false;
            default:
                throw refusal(valueAt, "locked: is yes or no, not \"" + VisibleText.of(value) + "\"");
        }
    }

    private Condition hashStates(String value, int valueAt) {
        Set<HashState> states = EnumSet.noneOf(HashState.class);
        int offset = 0;
        for (String name : value.split("\\|", -1)) {
            try {
                states.add(HashState.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw refusal(valueAt + offset, "hash: is weak, invalid, locked or ok (join them with |), not \""
                        + VisibleText.of(name) + "\"");
            }
            offset += name.length() + 1;
        }
        return new Condition.HashIn(Set.copyOf(states), minimumCost);
    }

    private static String example(String field) {
        switch (field) {
            case "created":
            case "updated":
                return field + ":>=2026-01-01 or " + field + ":2026-01..2026-03";
            case "locked":
                return "locked:yes";
            case "hash":
                return "hash:weak|invalid";
            case "domain":
                return "domain:corp.example";
            default:
                return field + ":ada";
        }
    }

    /** A run of characters up to a space, a parenthesis or a quote. */
    private String word() {
        int start = at;
        while (!atEnd() && !Character.isWhitespace(peek()) && peek() != '(' && peek() != ')' && peek() != '"') {
            at++;
        }
        return text.substring(start, at);
    }

    /** A quoted phrase; {@code \"} and {@code \\} stand for a quote and a backslash. */
    private String phrase() {
        int start = at;
        at++;
        StringBuilder phrase = new StringBuilder();
        while (!atEnd() && peek() != '"') {
            if (peek() == '\\' && at + 1 < text.length()) {
                at++;
            }
            phrase.append(peek());
            at++;
        }
        if (atEnd()) {
            throw refusal(start, "this quote is never closed");
        }
        at++;
        if (phrase.length() == 0) {
            throw refusal(start, "\"\" is an empty phrase");
        }
        return phrase.toString();
    }

    private boolean keywordOr() {
        return text.startsWith("OR", at) && (at + 2 == text.length() || Character.isWhitespace(text.charAt(at + 2))
                || text.charAt(at + 2) == '(');
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            at++;
        }
    }

    private boolean atEnd() {
        return at >= text.length();
    }

    private char peek() {
        return text.charAt(at);
    }

    /** "filter: at column 9, created: needs a date like ..." (columns count from 1, as editors do). */
    private InvalidInputException refusal(int index, String reason) {
        return new InvalidInputException("filter", "at column " + (text.codePointCount(0, index) + 1) + ", " + reason);
    }
}
