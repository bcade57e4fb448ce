package dev.userconsole.store;

import dev.userconsole.config.Credentials;
import dev.userconsole.config.MfaCodes;
import dev.userconsole.config.Target;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
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

    static RemoteDynamoDb open(Target.Endpoint target, Duration callTimeout, MfaCodes mfaCodes) {
        DynamoDbClientBuilder builder = builder(target.region(), target.credentials(), callTimeout, mfaCodes)
                .endpointOverride(target.uri());
        return new RemoteDynamoDb(builder.build(), target.describe(), target.credentials(), callTimeout);
    }

    static RemoteDynamoDb open(Target.Aws target, Duration callTimeout, MfaCodes mfaCodes) {
        return new RemoteDynamoDb(builder(target.region(), target.credentials(), callTimeout, mfaCodes).build(),
                target.describe(), target.credentials(), callTimeout);
    }

    /** A client for a DynamoDB Local endpoint with placeholder keys. */
    static DynamoDbClient localClient(URI endpoint, Duration callTimeout) {
        return builder("us-east-1", Credentials.placeholder(), callTimeout, MfaCodes.NONE).endpointOverride(endpoint).build();
    }

    private static DynamoDbClientBuilder builder(String region, Credentials credentials, Duration callTimeout,
                                                 MfaCodes mfaCodes) {
        Duration attemptTimeout = callTimeout.compareTo(MAX_ATTEMPT_TIMEOUT) < 0 ? callTimeout : MAX_ATTEMPT_TIMEOUT;
        // Standard mode makes 3 attempts with jittered backoff and retries throttling; DynamoDB's own
        // default makes 9, which turns an unreachable endpoint into a minute of waiting.
        return DynamoDbClient.builder()
                .region(Region.of(region))
                .credentialsProvider(provider(credentials, region, mfaCodes))
                .httpClientBuilder(defaults -> new IoExceptionsHttpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(attemptTimeout)
                        .buildWithDefaults(defaults)))
                .overrideConfiguration(o -> o
                        .applyMutation(c -> settingsFromTheChosenProfile(c, credentials))
                        .addExecutionInterceptor(new ExpiredTokenSentence(credentials))
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(attemptTimeout)
                        .apiCallTimeout(callTimeout));
    }

    private static AwsCredentialsProvider provider(Credentials credentials, String region, MfaCodes mfaCodes) {
        AwsCredentialsProvider provider = switch (credentials.kind()) {
            case KEYS, PLACEHOLDER -> StaticCredentialsProvider.create(credentials.sessionToken() == null
                    ? AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())
                    : AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                            credentials.sessionToken()));
            case PROFILE -> credentials.profileFile() == null ? ProfileCredentialsProvider.create(credentials.profile())
                    : new AssumedRoles(credentials.profileFile(), region, mfaCodes).provider(credentials.profile());
            case WEB_IDENTITY -> WebIdentityTokenFileCredentialsProvider.create();
            case CONTAINER -> ContainerCredentialsProvider.builder().build();
            case INSTANCE -> InstanceProfileCredentialsProvider.create();
        };
        return new NamedCredentialsProvider(provider, credentials);
    }

    /**
     * The endpoint was resolved from the chosen profile already; without this the SDK would still apply the
     * {@code endpoint_url} of {@code AWS_PROFILE} when {@code --profile} chose another.
     */
    private static void settingsFromTheChosenProfile(ClientOverrideConfiguration.Builder config,
                                                     Credentials credentials) {
        if (credentials.profileFile() != null) {
            config.defaultProfileFile(credentials.profileFile()).defaultProfileName(credentials.profile());
        }
    }

    /** DynamoDB's "the security token included in the request is expired", said as where the token came from. */
    private record ExpiredTokenSentence(Credentials credentials) implements ExecutionInterceptor {
        @Override
        public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
            Throwable e = context.exception();
            if (e instanceof AwsServiceException service && SdkErrors.isExpiredToken(service)) {
                String sentence = NamedCredentialsProvider.expiredSentence(credentials);
                return service.toBuilder().message(sentence)
                        .awsErrorDetails(service.awsErrorDetails().toBuilder().errorMessage(sentence).build()).build();
            }
            return e;
        }
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
