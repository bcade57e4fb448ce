package dev.userconsole.store;

import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * DynamoDB Local inside this process: no socket at all, so nothing on the network can reach it.
 * The data lives in one SQLite file, the same one the {@code serve} command uses in shared mode, so both
 * see the same users.
 */
public final class EmbeddedDynamoDb implements DynamoDb {
    /** The file name DynamoDB Local gives its store in shared-database mode. */
    static final String STORE_FILE = "shared-local-instance.db";

    private final AmazonDynamoDBLocal database;
    private final DataDirectoryLock lock;
    private final String where;

    private EmbeddedDynamoDb(AmazonDynamoDBLocal database, DataDirectoryLock lock, String where) {
        this.database = database;
        this.lock = lock;
        this.where = where;
    }

    /** @param ownerOnly a missing data directory is created rwx------ */
    public static EmbeddedDynamoDb open(Path dataDir, boolean ownerOnly, String where) {
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir, ownerOnly);
        try {
            AmazonDynamoDBLocal database = DynamoDBEmbedded.create(dataDir.resolve(STORE_FILE).toFile(), true);
            return new EmbeddedDynamoDb(database, lock, where);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    @Override
    public DynamoDbClient client() {
        return database.dynamoDbClient();
    }

    @Override
    public boolean isEmbedded() {
        return true;
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public void close() {
        try {
            database.shutdown();
        } finally {
            lock.close();
        }
    }
}
