package dev.userconsole.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 30,000 most common passwords of zxcvbn 1.9.0 (MIT; one lower-case password per line, most common
 * first), read from the class path on first use and held for the life of the process. Only this one file
 * of the zxcvbn jar is read; none of its classes or other word lists is loaded.
 */
final class CommonPasswords {
    static final String RESOURCE = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private CommonPasswords() {
    }

    /** Whether the password, compared without case and surrounding spaces, is on the list. */
    static boolean contains(String password) {
        return Holder.LIST.contains(password.strip().toLowerCase(Locale.ROOT));
    }

    static int size() {
        return Holder.LIST.size();
    }

    /** Reads the list afresh (the class loader guarantees {@link Holder} does it once, safely across threads). */
    static Set<String> read() {
        InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("The list of common passwords (" + RESOURCE
                    + ") is missing from the class path: the zxcvbn jar is not installed.");
        }
        Set<String> passwords = new HashSet<>(48_000);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String password = line.strip().toLowerCase(Locale.ROOT);
                if (!password.isEmpty()) {
                    passwords.add(password);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the list of common passwords (" + RESOURCE + ")", e);
        }
        return Collections.unmodifiableSet(passwords);
    }

    private static final class Holder {
        static final Set<String> LIST = read();
    }
}
