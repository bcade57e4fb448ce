package dev.userconsole.users;

import dev.userconsole.text.VisibleText;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a stored item into {@link UserDetails}: every attribute with its type, printable, shortened, the
 * password described. Any string that is a bcrypt hash, wherever it is (another tool's {@code oldPasswords}
 * list, say), is described the same way: no hash reaches a screen from here.
 */
final class ItemDetails {
    /** The attributes this program writes, in the order people read them. */
    static final List<String> KNOWN = List.of(User.EMAIL, User.FIRST_NAME, User.LAST_NAME, User.PASSWORD,
            User.DATE_CREATED, User.DATE_UPDATED, User.LOCKED_AT, User.LOCKED_BY, User.LOCK_REASON);
    /** Characters of a value shown before it is cut; the rest is counted, not shown. */
    static final int MAX_VALUE = 300;
    /** Binary values up to this many bytes are shown as base64, longer ones by their length. */
    static final int MAX_BINARY = 48;
    /** How crypt(3) hashes start ($2b$, $6$, $argon2id$), also a damaged bcrypt hash: never shown. */
    private static final Pattern CRYPT_FORMAT = Pattern.compile("!?\\$[0-9a-z]{1,10}\\$");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private final ZoneId zone;

    /** @param zone the time zone local times are given in (the machine's) */
    ItemDetails(ZoneId zone) {
        this.zone = zone;
    }

    UserDetails of(Map<String, AttributeValue> item) {
        List<UserDetails.Attribute> attributes = new ArrayList<>();
        item.keySet().stream().sorted(order()).forEach(name -> attributes.add(attribute(name, item.get(name))));
        AttributeValue password = item.get(User.PASSWORD);
        return new UserDetails(User.fromItem(item), hash(password), List.copyOf(attributes));
    }

    private static Comparator<String> order() {
        return Comparator.<String>comparingInt(name -> KNOWN.contains(name) ? KNOWN.indexOf(name) : KNOWN.size())
                .thenComparing(Comparator.naturalOrder());
    }

    private static StoredHash hash(AttributeValue password) {
        if (password == null) {
            return StoredHash.of(null);
        }
        // a number or binary "password" matches nothing, as a damaged hash does
        return StoredHash.of(password.type() == AttributeValue.Type.S ? password.s() : "not a string");
    }

    private UserDetails.Attribute attribute(String name, AttributeValue value) {
        String type = type(value);
        String shown = name.equals(User.PASSWORD) ? hash(value).describe() : shorten(render(value, true));
        UserDetails.Time time = value.type() == AttributeValue.Type.S ? time(value.s()) : null;
        return new UserDetails.Attribute(VisibleText.of(name), type, shown, time);
    }

    static String type(AttributeValue value) {
        return switch (value.type()) {
            case S -> "";
            case NUL -> "NULL";
            case UNKNOWN_TO_SDK_VERSION -> "?";
            default -> value.type().name();
        };
    }

    /** A value as text: a top-level string as it is, nested values in a JSON-like form ({@code ["a", 1]}). */
    private static String render(AttributeValue value, boolean topLevel) {
        return switch (value.type()) {
            case S -> topLevel ? text(value.s()) : quoted(text(value.s()));
            case N -> value.n();
            case BOOL -> value.bool().toString();
            case NUL -> "null";
            case B -> binary(value.b());
            case SS -> value.ss().stream().map(s -> quoted(text(s))).collect(Collectors.joining(", ", "[", "]"));
            case NS -> value.ns().stream().collect(Collectors.joining(", ", "[", "]"));
            case BS -> value.bs().stream().map(ItemDetails::binary).collect(Collectors.joining(", ", "[", "]"));
            case L -> value.l().stream().map(member -> render(member, false))
                    .collect(Collectors.joining(", ", "[", "]"));
            case M -> value.m().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> quoted(VisibleText.of(e.getKey())) + ": " + render(e.getValue(), false))
                    .collect(Collectors.joining(", ", "{", "}"));
            default -> "(a type this program does not know)";
        };
    }

    /** A string, printable; a bcrypt hash (locked or not), or anything in a crypt(3) format, only by what it is. */
    private static String text(String s) {
        StoredHash hash = StoredHash.of(s);
        if (hash.isBcrypt()) {
            return "(" + hash.describe() + ")";
        }
        return CRYPT_FORMAT.matcher(s).lookingAt() ? "(a password hash, not bcrypt)" : VisibleText.of(s);
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    private static String binary(SdkBytes bytes) {
        int length = bytes.asByteArrayUnsafe().length;
        return length <= MAX_BINARY ? Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe())
                : "(" + length + " bytes)";
    }

    private static String shorten(String shown) {
        int characters = shown.codePointCount(0, shown.length());
        if (characters <= MAX_VALUE) {
            return shown;
        }
        return shown.substring(0, shown.offsetByCodePoints(0, MAX_VALUE)) + "… (" + characters + " characters)";
    }

    /** The instant a string names, with its offset (2026-11-25T09:00:00.000Z, ...+01:00), else {@code null}. */
    private UserDetails.Time time(String s) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(s.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
        String utc = FULL.format(instant.atOffset(ZoneOffset.UTC)) + " UTC";
        var local = instant.atZone(zone);
        String offset = local.getOffset().getId().equals("Z") ? "+00:00" : local.getOffset().getId();
        return new UserDetails.Time(utc, FULL.format(local) + " " + offset + " " + zone.getId());
    }
}
