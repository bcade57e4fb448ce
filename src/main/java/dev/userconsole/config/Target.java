package dev.userconsole.config;

import java.net.URI;
import java.nio.file.Path;

/** Where the users are stored. */
public sealed interface Target {

    /** A short phrase naming the place, for status lines and error messages. */
    String describe();

    /** Where the credentials come from, in words; never a secret. Empty for the embedded database. */
    default String credentialsSource() {
        return "";
    }

    /**
     * DynamoDB Local running inside this process, keeping its data in {@code dataDir}.
     *
     * @param ownerOnly the directory is created rwx------ when missing (the installed layout's own)
     */
    record Embedded(Path dataDir, boolean ownerOnly) implements Target {
        public Embedded(Path dataDir) {
            this(dataDir, false);
        }

        @Override
        public String describe() {
            return "embedded DynamoDB Local, data in " + dataDir;
        }
    }

    /**
     * Any DynamoDB-compatible endpoint given by URL.
     *
     * @param source where the URL was set when that is not the obvious option or environment, in words
     *               ("from profile staging"); empty otherwise
     */
    record Endpoint(URI uri, String region, Credentials credentials, String source) implements Target {
        public Endpoint(URI uri, String region, Credentials credentials) {
            this(uri, region, credentials, "");
        }

        @Override
        public String describe() {
            return "endpoint " + uri + (source.isEmpty() ? "" : " (" + source + ")");
        }

        @Override
        public String credentialsSource() {
            return credentials.source();
        }
    }

    /** Real DynamoDB in an AWS region. */
    record Aws(String region, Credentials credentials) implements Target {
        @Override
        public String describe() {
            return "AWS DynamoDB in " + region;
        }

        @Override
        public String credentialsSource() {
            return credentials.source();
        }
    }
}
