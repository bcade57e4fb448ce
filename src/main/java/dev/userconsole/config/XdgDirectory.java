package dev.userconsole.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * A base directory of the XDG specification, from the environment given: the variable when it holds an
 * absolute path (a relative one is invalid and ignored), else its default under {@code $HOME} as the
 * environment says (not Java's {@code user.home}, which comes from the password database).
 */
public final class XdgDirectory {
    private XdgDirectory() {
    }

    /** {@code $XDG_CONFIG_HOME}, else {@code $HOME/.config}. */
    public static Path config(Map<String, String> environment) {
        return of(environment, "XDG_CONFIG_HOME", ".config");
    }

    /** {@code $XDG_CACHE_HOME}, else {@code $HOME/.cache}. */
    public static Path cache(Map<String, String> environment) {
        return of(environment, "XDG_CACHE_HOME", ".cache");
    }

    private static Path of(Map<String, String> environment, String variable, String underHome) {
        String value = environment.get(variable);
        return value != null && !value.isBlank() && Path.of(value).isAbsolute()
                ? Path.of(value) : Path.of(environment.getOrDefault("HOME", ""), underHome);
    }
}
