package dev.userconsole.store;

/**
 * What DescribeTable says of the table: what pacing and the large-scan question need, and what
 * {@code users.TableSummary} shows.
 *
 * @param billingMode "PROVISIONED" or "PAY_PER_REQUEST"
 * @param readCapacity provisioned read capacity units, 0 when on demand
 * @param itemCount approximate: DynamoDB refreshes it about every six hours
 */
public record TableInfo(String name, String status, String billingMode, long readCapacity, long writeCapacity,
                        long itemCount, long sizeBytes) {
}
