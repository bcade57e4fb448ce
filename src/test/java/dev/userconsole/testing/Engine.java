package dev.userconsole.testing;

import dev.userconsole.users.UserController;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The engines storage tests run on: one with transactions (DynamoDB Local) and one without (dynalite, like
 * ScyllaDB Alternator), each on a random loopback port.
 */
public enum Engine {
    DYNAMODB_LOCAL, DYNALITE;

    public URI endpoint() {
        return this == DYNAMODB_LOCAL ? LocalDynamoDb.server().endpoint() : Dynalite.endpoint();
    }

    public UserController controller(String table) {
        return this == DYNAMODB_LOCAL ? LocalDynamoDb.controller(table) : Dynalite.controller(table);
    }

    public DynamoDbClient raw() {
        return this == DYNAMODB_LOCAL ? LocalDynamoDb.rawClient() : Dynalite.rawClient();
    }
}
