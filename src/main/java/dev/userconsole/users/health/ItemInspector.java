package dev.userconsole.users.health;

import dev.userconsole.users.StoredHash;
import dev.userconsole.users.User;
import dev.userconsole.users.UserValidator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The checks one item answers by itself (twins need the whole table: {@link HealthScan}). Reads the password
 * attribute to describe it through {@link StoredHash}; the value goes no further than this class.
 */
final class ItemInspector {
    /** How a key finding that the key fix must leave alone starts. */
    static final String CANNOT_MOVE = "cannot be moved";
    /** Part of a date finding the date fix can repair. */
    static final String REPAIRABLE = "repairable to";
    /** Every attribute the original app writes, all strings; the key is always there. */
    static final List<String> REQUIRED = List.of(User.PASSWORD, User.FIRST_NAME, User.LAST_NAME, User.DATE_CREATED,
            User.DATE_UPDATED);
    static final List<String> DATES = List.of(User.DATE_CREATED, User.DATE_UPDATED);
    private static final int SHOWN_VALUE = 40;

    /**
     * What one item showed.
     *
     * @param revision the bcrypt revision of its hash, or {@code null}
     */
    record Seen(String key, Map<Check, String> details, String revision) {
    }

    private final int minimumCost;

    ItemInspector(int minimumCost) {
        this.minimumCost = minimumCost;
    }

    Seen inspect(Map<String, AttributeValue> item) {
        String key = item.get(User.EMAIL).s();
        Map<Check, String> details = new EnumMap<>(Check.class);
        AttributeValue password = item.get(User.PASSWORD);
        StoredHash hash = StoredHash.of(password == null ? null : password.s());
        if (hash.locked()) {
            details.put(Check.LOCKED, hash.describe());
        } else if (hash.weakerThan(minimumCost)) {
            details.put(Check.WEAK_HASH, hash.describe());
        } else if (!hash.isBcrypt()) {
            details.put(Check.NOT_BCRYPT, notBcrypt(hash, password));
        }
        String normalised = UserValidator.normalisedKey(key);
        if (!normalised.equals(key)) {
            details.put(Check.KEY_NOT_NORMALISED, normalised.isEmpty()
                    ? CANNOT_MOVE + ": it is only spaces" : "normalised: " + normalised);
        }
        List<String> missing = new ArrayList<>();
        List<String> mistyped = new ArrayList<>();
        for (String name : REQUIRED) {
            AttributeValue value = item.get(name);
            if (value == null) {
                missing.add(name);
            } else if (value.type() != AttributeValue.Type.S) {
                mistyped.add(name + " is " + value.type() + ", not S");
            }
        }
        if (!missing.isEmpty()) {
            details.put(Check.MISSING_ATTRIBUTES, "no " + String.join(", ", missing));
        }
        if (!mistyped.isEmpty()) {
            details.put(Check.WRONG_TYPES, String.join("; ", mistyped));
        }
        List<String> dates = new ArrayList<>();
        for (String name : DATES) {
            AttributeValue value = item.get(name);
            if (value != null && !DateRepair.canonical(value)) {
                Optional<String> repaired = DateRepair.repaired(value);
                dates.add(name + " " + shown(value) + ": "
                        + repaired.map(r -> REPAIRABLE + " " + r).orElse("not a date that can be read for certain"));
            }
        }
        if (!dates.isEmpty()) {
            details.put(Check.DATE_NOT_ISO, String.join("; ", dates));
        }
        return new Seen(key, details, hash.isBcrypt() ? hash.version() : null);
    }

    private static String notBcrypt(StoredHash hash, AttributeValue password) {
        return switch (hash.kind()) {
            case MISSING -> password == null ? "no password" : "the password is " + password.type() + ", not a string";
            case EMPTY -> "empty";
            default -> "not a bcrypt hash (" + HashScheme.of(password.s()) + ")";
        };
    }

    /** A date value as stored, cut short: it is data, never a secret. */
    private static String shown(AttributeValue value) {
        String text = switch (value.type()) {
            case S -> "\"" + value.s() + "\"";
            case N -> "(number) " + value.n();
            default -> "(" + value.type() + ")";
        };
        return text.length() <= SHOWN_VALUE ? text : text.substring(0, SHOWN_VALUE) + "...";
    }
}
