package dev.userconsole.users;

import java.util.List;

/**
 * One account as stored, for people to read: every attribute (also those other tools added), made printable,
 * with the password described and never shown.
 *
 * @param user       the attributes this program knows, as the faces' other screens show them
 * @param password   what the stored password value is ("bcrypt $2a$, cost 10", "locked (...)")
 * @param attributes every attribute: the known ones first (in {@link ItemDetails#KNOWN} order), then the
 *                   others sorted by name
 */
public record UserDetails(User user, StoredHash password, List<Attribute> attributes) {

    /**
     * @param name  the attribute's name, made printable ({@code \x1b})
     * @param type  the DynamoDB type (N, BOOL, L, M, SS, NS, BS, B, NULL), or "" for a string
     * @param value the value made printable and shortened past {@link ItemDetails#MAX_VALUE} characters; for
     *              the password, its description; binary as base64 or its length
     * @param time  when the value is an ISO-8601 instant: it in UTC and in this machine's time zone, else
     *              {@code null}
     */
    public record Attribute(String name, String type, String value, Time time) {
        public boolean isString() {
            return type.isEmpty();
        }
    }

    /** An instant written out in full: "2026-11-25 09:00:00.000 UTC", "2026-11-25 10:00:00.000 +01:00 Europe/Paris". */
    public record Time(String utc, String local) {
    }

    public boolean locked() {
        return password.locked();
    }
}
