package dev.userconsole.config;

import java.util.Optional;

/**
 * Asks the person at the keyboard for the current code of an MFA device, when a role profile has
 * {@code mfa_serial}. The faces implement it (a masked prompt, a dialog) and store/ calls it; it lives in
 * config/, which both may use, so that no face reaches into store/.
 */
@FunctionalInterface
public interface MfaCodes {
    /** Nobody to ask (no terminal): every role with {@code mfa_serial} is refused, saying so. */
    MfaCodes NONE = (profile, serial) -> Optional.empty();

    /**
     * @param profile the profile whose role needs the code
     * @param serial  the device, as {@code mfa_serial} names it
     * @return the code typed, or empty when there is no one to ask or they gave up
     */
    Optional<String> code(String profile, String serial);
}
