package dev.userconsole.store;

/**
 * What {@code describe-table} shows.
 *
 * @param billingMode "PROVISIONED" or "PAY_PER_REQUEST"
 * @param readCapacity provisioned read capacity units, 0 when on demand
 * @param itemCount approximate: DynamoDB refreshes it about every six hours
 */
public record TableInfo(String name, String status, String billingMode, long readCapacity, long writeCapacity,
                        long itemCount, long sizeBytes) {

    public String capacity() {
        return "PROVISIONED".equals(billingMode)
                ? "provisioned " + readCapacity + " read / " + writeCapacity + " write"
                : "on demand";
    }
}
