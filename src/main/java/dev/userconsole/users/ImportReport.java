package dev.userconsole.users;

import java.util.List;

/**
 * What an import did.
 *
 * @param skipped rows whose email already existed (left untouched)
 * @param cancelled rows read but not written because the import was cancelled (nothing was sent for them)
 * @param writeUnits the write capacity units the writes consumed, as the engine reports them (one per user
 *                   on AWS; 0 where the engine reports none)
 * @param problems every row not imported, with its line number and why
 */
public record ImportReport(long imported, long skipped, long invalid, long failed, long cancelled,
                           double writeUnits, List<RowProblem> problems) {

    /** A row that was not imported. */
    public record RowProblem(long line, String email, String reason) {
    }
}
