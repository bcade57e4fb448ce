package dev.userconsole.config;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.VisibleText;
import java.nio.file.Path;
import java.util.List;

/**
 * What the console's switcher offers (the connections in the connections file and the AWS profiles) and
 * the settings for each choice. Choosing replaces the place typed at start-up; {@code --read-only} and the
 * audit log stay as they were.
 */
public final class Switchboard {
    private final SettingsLoader loader;
    private final Options kept;

    /** @param started the settings the console started with */
    public Switchboard(SettingsLoader loader, Settings started) {
        this.loader = loader;
        boolean typedReadOnly = started.readOnly() && Settings.READ_ONLY_OPTION.equals(started.readOnlyReason());
        this.kept = new Options(null, null, false, null, null, null, typedReadOnly, started.auditLog());
    }

    /** Read anew each time, so an edit to the file shows without a restart. */
    public List<Connection> connections() {
        ConnectionsFile file = loader.connections();
        return file.names().stream().map(file::named).toList();
    }

    public Path connectionsFile() {
        return loader.connectionsFile();
    }

    public List<String> profiles() {
        return loader.profileNames();
    }

    public Settings connection(String name, boolean writeAllowed) {
        return loader.load(kept.withConnection(name, writeAllowed));
    }

    /** AWS with this profile's credentials and region; USER_CONSOLE_CONNECTION does not apply. */
    public Settings profile(String name) {
        Settings settings = loader.loadIgnoringConnections(new Options(null, null, false, null, null, name,
                kept.readOnly(), kept.auditLog()));
        if (settings.target() instanceof Target.Embedded) {
            // without a region the settings fall back to the embedded database, which is not what was chosen
            throw new ConsoleException(Problem.CONFIGURATION, "The AWS profile " + VisibleText.of(name)
                    + " names no region: add region = NAME to it, or name it in a connection with a region.");
        }
        return settings;
    }
}
