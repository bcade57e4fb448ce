package dev.userconsole.users;

import java.time.Instant;

/**
 * A deleted user the trash keeps, as {@code trash} lists it: never the hash.
 *
 * @param user      the user as it was when deleted (names, dates, whether it was locked)
 * @param deletedAt when (ISO-8601 UTC)
 * @param deletedBy who (OS user@host, as in the audit log)
 * @param expiresAt when DynamoDB may expire the entry, or {@code null} when the entry has none
 */
public record TrashEntry(User user, String deletedAt, String deletedBy, Instant expiresAt) {
}
