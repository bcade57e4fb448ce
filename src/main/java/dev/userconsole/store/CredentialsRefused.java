package dev.userconsole.store;

import software.amazon.awssdk.core.exception.SdkClientException;

/** The credentials could not be had or were refused as stale; the message is the sentence for the user. */
final class CredentialsRefused extends SdkClientException {
    private static final long serialVersionUID = 1L;

    CredentialsRefused(String sentence, Throwable cause) {
        super(SdkClientException.builder().message(sentence).cause(cause));
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
