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

    /** Whether this is DynamoDB Local inside this process. */
    default boolean isEmbedded() {
        return false;
    }

    @Override
    void close();
}
