package dev.userconsole.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An open connection: the SDK client and a description of where it points. Closing it closes the client
 * and, for the embedded database, stops it and releases its data directory.
 */
public interface DynamoDb extends AutoCloseable {

    DynamoDbClient client();

    /** Where the data is, for status lines and error messages; never a secret. */
    String where();

    /**
     * Who the credentials are (account and principal), asked of STS now, at most once per connection;
     * "not known" with the reason where there is no AWS account behind the connection or STS does not say.
     */
    default CallerIdentity callerIdentity() {
        return CallerIdentity.unknown("embedded database, no AWS account");
    }

    /** Whether this is DynamoDB Local inside this process. */
    default boolean isEmbedded() {
        return false;
    }

    @Override
    void close();
}
