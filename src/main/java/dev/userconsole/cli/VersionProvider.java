package dev.userconsole.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest ("dev" when running from unpackaged classes). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"user-console " + (version == null ? "dev" : version)};
    }
}
