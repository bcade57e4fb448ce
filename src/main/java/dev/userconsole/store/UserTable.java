package dev.userconsole.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * A table of users: the users table itself (the original app's schema) or its trash, which keeps each deleted
 * user under its email and the time of the deletion; their creation and description.
 */
public final class UserTable {
    /** The partition key, the only attribute the users table's schema declares. */
    public static final String KEY = "emailAddress";
    /** The trash's sort key: when the user was deleted (ISO-8601 UTC), so a user deleted twice is kept twice. */
    public static final String DELETED_AT = "deletedAt";
    /** The trash's TTL attribute (epoch seconds): DynamoDB deletes an entry some time after it passes. */
    public static final String EXPIRES_AT = "expiresAt";

    /** Which schema a table has. */
    public enum Schema { USERS, TRASH }
    /** The original app's provisioned throughput. */
    public static final long DEFAULT_CAPACITY = 5;
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(5);

    private final DynamoDbClient client;
    private final String name;
    private final SdkErrors errors;

    private final Schema schema;

    public UserTable(DynamoDbClient client, String name, SdkErrors errors) {
        this(client, name, errors, Schema.USERS);
    }

    public UserTable(DynamoDbClient client, String name, SdkErrors errors, Schema schema) {
        this.client = client;
        this.name = name;
        this.errors = errors;
        this.schema = schema;
    }

    public String name() {
        return name;
    }

    /** The table's description, or empty when it does not exist. */
    public Optional<TableInfo> describe() {
        try {
            return Optional.of(toInfo(client.describeTable(b -> b.tableName(name)).table()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw errors.translate(e);
        }
    }

    /** Creates the table; returns false, changing nothing, when it already exists. */
    public boolean create(boolean onDemand) {
        List<KeySchemaElement> keys = new ArrayList<>(List.of(
                KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build()));
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(
                AttributeDefinition.builder().attributeName(KEY).attributeType(ScalarAttributeType.S).build()));
        if (schema == Schema.TRASH) {
            keys.add(KeySchemaElement.builder().attributeName(DELETED_AT).keyType(KeyType.RANGE).build());
            attributes.add(AttributeDefinition.builder().attributeName(DELETED_AT).attributeType(ScalarAttributeType.S)
                    .build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .keySchema(keys)
                .attributeDefinitions(attributes);
        if (onDemand) {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        } else {
            request.billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(p -> p.readCapacityUnits(DEFAULT_CAPACITY).writeCapacityUnits(DEFAULT_CAPACITY));
        }
        try {
            client.createTable(request.build());
            return true;
        } catch (ResourceInUseException e) {
            return false;
        } catch (SdkException e) {
            throw SdkErrors.isRefusal(e) ? errors.translateRefusedWrite(e) : errors.translate(e);
        }
    }

    /**
     * Asks DynamoDB to delete items some time after their {@link #EXPIRES_AT} passes; false when the engine
     * has no TTL (dynalite), whose trash then keeps entries until they are undeleted.
     */
    public boolean expireByTtl() {
        try {
            client.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t.enabled(true)
                    .attributeName(EXPIRES_AT)));
            return true;
        } catch (AwsServiceException e) {
            if (EngineFeatures.isUnsupportedOperation(e)) {
                return false;
            }
            if (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                    && e.awsErrorDetails().errorMessage().contains("already enabled")) {
                return true;
            }
            throw errors.translate(e);
        } catch (SdkException e) {
            throw errors.translate(e);
        }
    }

    /** Waits until the table is ACTIVE (real DynamoDB keeps a new table CREATING for a while). */
    public TableInfo awaitActive() {
        WaiterOverrideConfiguration waiting = WaiterOverrideConfiguration.builder()
                .backoffStrategy(FixedDelayBackoffStrategy.create(POLL_INTERVAL))
                .maxAttempts(Integer.MAX_VALUE)
                .waitTimeout(CREATE_TIMEOUT)
                .build();
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).overrideConfiguration(waiting).build()) {
            waiter.waitUntilTableExists(b -> b.tableName(name));
            return describe().orElseThrow(() -> errors.translate(ResourceNotFoundException.builder().build()));
        } catch (SdkException e) {
            throw errors.translate(e);
        }
    }

    private static TableInfo toInfo(TableDescription table) {
        // DynamoDB omits the billing mode summary for tables that were always provisioned.
        String billing = table.billingModeSummary() == null || table.billingModeSummary().billingMode() == null
                ? BillingMode.PROVISIONED.toString() : table.billingModeSummary().billingModeAsString();
        long read = 0;
        long write = 0;
        if (BillingMode.PROVISIONED.toString().equals(billing) && table.provisionedThroughput() != null) {
            read = nonNull(table.provisionedThroughput().readCapacityUnits());
            write = nonNull(table.provisionedThroughput().writeCapacityUnits());
        }
        return new TableInfo(table.tableName(), table.tableStatusAsString(), billing, read, write,
                nonNull(table.itemCount()), nonNull(table.tableSizeBytes()));
    }

    private static long nonNull(Long value) {
        return value == null ? 0 : value;
    }
}
