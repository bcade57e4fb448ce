package dev.userconsole.text;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Text in UTF-8 whatever the locale. Java decodes with the locale's charset by default, which under
 * {@code LANG=C} is ASCII and silently turns every other character into {@code ?} or U+FFFD: a password
 * would then be hashed from characters nobody typed. Decoding here is strict, so undecodable input is
 * refused instead of replaced.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** A decoder that reports malformed input (as a {@link CharacterCodingException}) instead of replacing it. */
    public static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Reads {@code in} as UTF-8; a read reaching bytes that are not UTF-8 throws a {@link CharacterCodingException}. */
    public static BufferedReader strictReader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, strictDecoder()));
    }

    /** Writes UTF-8 to {@code out}, flushing at each line. */
    public static PrintWriter writer(OutputStream out) {
        return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    }

    /** The text {@code bytes} encode, or empty when they are not valid UTF-8. */
    public static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(strictDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
