package dev.userconsole.cli;

import dev.userconsole.config.MfaCodes;
import java.io.Console;
import java.util.Arrays;
import java.util.Optional;

/** Asks for an MFA code on the terminal, masked like a password; without a terminal there is no one to ask. */
final class MfaPrompt implements MfaCodes {
    private final Console console;

    MfaPrompt(Console console) {
        this.console = console;
    }

    @Override
    public synchronized Optional<String> code(String profile, String serial) {
        if (console == null) {
            return Optional.empty();
        }
        char[] typed = console.readPassword("MFA code for %s (profile %s): ", serial, profile);
        if (typed == null) {
            return Optional.empty();
        }
        String code = new String(typed).strip();
        Arrays.fill(typed, '\0');
        return code.isEmpty() ? Optional.empty() : Optional.of(code);
    }
}
