package dev.userconsole.users.audit;

import java.util.List;

/**
 * One line of the audit log, as read back for a user's history. Every string is as the log holds it (JSON
 * decoded): the faces make it printable.
 *
 * @param time          ISO-8601 UTC, as written
 * @param administrator the OS user who ran the program
 * @param line          the import or restore file's line, for {@code import-row} and {@code restore-row}
 * @param problem       the problem code when the outcome is not {@code ok}, else {@code null}
 * @param fields        the names of the fields an update changed (empty for other actions)
 */
public record AuditEntry(String time, String administrator, String host, String endpoint, String table,
                         String action, String email, Long line, String outcome, String problem,
                         List<String> fields) {
}
