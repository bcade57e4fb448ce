package dev.userconsole.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import picocli.CommandLine.IVersionProvider;

/**
 * One line from the program's own jar manifest: "user-console 0.1.0 (commit 1a2b3c4, built
 * 2026-12-04T21:40:00Z)"; "dev" when running from unpackaged classes, "unknown" for what the build did not know.
 */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Attributes manifest = ownManifest();
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        if (manifest == null || version == null) {
            return new String[] {"user-console dev"};
        }
        return new String[] {"user-console " + version + " (commit " + known(manifest.getValue("Build-Commit"))
                + ", built " + known(manifest.getValue("Build-Date")) + ")"};
    }

    /** The version number alone, "dev" when running from unpackaged classes (the man page's header). */
    static String number() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return ownManifest() == null || version == null ? "dev" : version;
    }

    /** The build's date (2026-12-04), "dev" when running from unpackaged classes or the build did not say. */
    static String buildDate() {
        Attributes manifest = ownManifest();
        String built = manifest == null ? "unknown" : known(manifest.getValue("Build-Date"));
        return built.equals("unknown") ? "dev" : built.substring(0, Math.min(built.length(), "yyyy-mm-dd".length()));
    }

    /** A value Maven left as ${...} (no git repository at build time) is not known. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }

    private static Attributes ownManifest() {
        try {
            Path jar = Path.of(VersionProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return null;
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                return manifest == null ? null : manifest.getMainAttributes();
            }
        } catch (IOException | URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
