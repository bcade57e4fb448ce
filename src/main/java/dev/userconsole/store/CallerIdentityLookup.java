package dev.userconsole.store;

import dev.userconsole.text.VisibleText;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Asks STS who a DynamoDB client's credentials are, only when asked (table info), never while connecting.
 * STS is reached where the DynamoDB client goes: its endpoint override (moto and LocalStack serve STS on
 * the same port), else real STS in its region, with the very same credentials provider, so a role or MFA
 * profile is not asked again. A failure is an answer ("not known: ..."), never an error: table info must
 * not fail because STS is unreachable or denied.
 */
final class CallerIdentityLookup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallerIdentityLookup.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(5);

    private final DynamoDbClient dynamoDb;
    private final Duration timeout;
    private StsClient sts;
    private CallerIdentity known;

    CallerIdentityLookup(DynamoDbClient dynamoDb, Duration callTimeout) {
        this.dynamoDb = dynamoDb;
        this.timeout = callTimeout.compareTo(MAX_TIMEOUT) < 0 ? callTimeout : MAX_TIMEOUT;
    }

    /** The identity, asked once per connection when the answer is known; a failure is asked again next time. */
    synchronized CallerIdentity ask() {
        if (known != null) {
            return known;
        }
        try {
            GetCallerIdentityResponse answer = client().getCallerIdentity();
            known = CallerIdentity.known(VisibleText.of(answer.account()), VisibleText.of(answer.arn()));
            return known;
        } catch (AwsServiceException e) {
            LOG.warn("sts:GetCallerIdentity failed", e);
            ErrorAnswer answer = ErrorAnswer.of(e);
            return CallerIdentity.unknown(answer.hasCode() ? "STS answered " + VisibleText.of(answer.code())
                    : "no STS at this address (HTTP " + answer.status() + ")");
        } catch (SdkException e) {
            LOG.warn("sts:GetCallerIdentity failed", e);
            return CallerIdentity.unknown("STS could not be reached");
        }
    }

    private StsClient client() {
        if (sts == null) {
            DynamoDbServiceClientConfiguration config = dynamoDb.serviceClientConfiguration();
            StsClientBuilder builder = StsClient.builder()
                    .region(config.region())
                    .credentialsProvider(config.credentialsProvider())
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(CONNECT_TIMEOUT)
                            .socketTimeout(timeout))
                    .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).apiCallTimeout(timeout));
            config.endpointOverride().ifPresent(builder::endpointOverride);
            sts = builder.build();
        }
        return sts;
    }

    @Override
    public synchronized void close() {
        if (sts != null) {
            sts.close();
        }
    }
}
