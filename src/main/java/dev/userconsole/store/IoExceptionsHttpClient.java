package dev.userconsole.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Delivers the URL-connection client's {@link UncheckedIOException} (it throws one when a connection is
 * reset while the response is read) as the {@link IOException} it wraps. The SDK then reports it as an
 * {@code SdkClientException} and retries it like any other lost connection, instead of letting a raw
 * runtime exception escape every call (aws-sdk-java-v2 issue 6578).
 */
final class IoExceptionsHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate;

    IoExceptionsHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = delegate.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                try {
                    return prepared.call();
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
