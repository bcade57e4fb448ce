package dev.userconsole.users;

import java.util.List;

/**
 * What an import did.
 *
 * @param skipped rows whose email already existed (left untouched)
 * @param problems every row not imported, with its line number and why
 */
public record ImportReport(long imported, long skipped, long invalid, long failed, List<RowProblem> problems) {

    /** A row that was not imported. */
    public record RowProblem(long line, String email, String reason) {
    }
}
