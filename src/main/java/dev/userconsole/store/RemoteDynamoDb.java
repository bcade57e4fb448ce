package dev.userconsole.store;

import dev.userconsole.config.Credentials;
import dev.userconsole.config.Target;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** A DynamoDB reached over HTTP: real AWS or any endpoint URL. */
final class RemoteDynamoDb implements DynamoDb {
    /** The connect timeout bounds how long an unreachable host costs per attempt. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MAX_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

    static {
        // HttpURLConnection silently sends a POST again when a reused connection fails before the answer;
        // hidden from the SDK, such a retry makes a lost write look like a refused one. The SDK retries
        // instead, and the controller can then tell its own earlier write from someone else's.
        System.setProperty("sun.net.http.retryPost", "false");
        // HttpURLConnection keeps only 5 idle connections per host by default: the rest of the parallel
        // writers (an import, a restore) and scan segments would open a new TCP connection per request.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
    }

    private final DynamoDbClient client;
    private final String where;
    /** Empty for placeholder keys: a local endpoint that does not check keys has no account to tell. */
    private final Optional<CallerIdentityLookup> identity;

    private RemoteDynamoDb(DynamoDbClient client, String where, Credentials credentials, Duration callTimeout) {
        this.client = client;
        this.where = where;
        this.identity = credentials.kind() == Credentials.Kind.PLACEHOLDER ? Optional.empty()
                : Optional.of(new CallerIdentityLookup(client, callTimeout));
    }

    static RemoteDynamoDb open(Target.Endpoint target, Duration callTimeout) {
        DynamoDbClientBuilder builder = builder(target.region(), target.credentials(), callTimeout)
                .endpointOverride(target.uri());
        return new RemoteDynamoDb(builder.build(), target.describe(), target.credentials(), callTimeout);
    }

    static RemoteDynamoDb open(Target.Aws target, Duration callTimeout) {
        return new RemoteDynamoDb(builder(target.region(), target.credentials(), callTimeout).build(),
                target.describe(), target.credentials(), callTimeout);
    }

    /** A client for a DynamoDB Local endpoint with placeholder keys. */
    static DynamoDbClient localClient(URI endpoint, Duration callTimeout) {
        return builder("us-east-1", Credentials.placeholder(), callTimeout).endpointOverride(endpoint).build();
    }

    private static DynamoDbClientBuilder builder(String region, Credentials credentials, Duration callTimeout) {
        Duration attemptTimeout = callTimeout.compareTo(MAX_ATTEMPT_TIMEOUT) < 0 ? callTimeout : MAX_ATTEMPT_TIMEOUT;
        // Standard mode makes 3 attempts with jittered backoff and retries throttling; DynamoDB's own
        // default makes 9, which turns an unreachable endpoint into a minute of waiting.
        return DynamoDbClient.builder()
                .region(Region.of(region))
                .credentialsProvider(provider(credentials))
                .httpClientBuilder(defaults -> new IoExceptionsHttpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(attemptTimeout)
                        .buildWithDefaults(defaults)))
                .overrideConfiguration(o -> o
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(attemptTimeout)
                        .apiCallTimeout(callTimeout));
    }

    private static AwsCredentialsProvider provider(Credentials credentials) {
        return switch (credentials.kind()) {
            case KEYS, PLACEHOLDER -> StaticCredentialsProvider.create(credentials.sessionToken() == null
                    ? AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())
                    : AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                            credentials.sessionToken()));
            case PROFILE -> ProfileCredentialsProvider.create(credentials.profile());
            case DEFAULT_CHAIN -> DefaultCredentialsProvider.builder().build();
        };
    }

    @Override
    public DynamoDbClient client() {
        return client;
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public CallerIdentity callerIdentity() {
        return identity.map(CallerIdentityLookup::ask)
                .orElseGet(() -> CallerIdentity.unknown("local endpoint with placeholder keys"));
    }

    @Override
    public void close() {
        client.close();
        identity.ifPresent(CallerIdentityLookup::close);
    }
}
