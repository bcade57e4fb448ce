package dev.userconsole.users;

import dev.userconsole.config.Layout;
import dev.userconsole.users.output.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * The emails of one table, kept in a file for shell completion so that a Tab never scans: read again (one
 * keys-only read) only when the file is older than {@link #FRESH}. It holds addresses only, never a hash, in a
 * file its owner alone can read (in a directory created rwx------), named by a hash of where the table is.
 */
public final class EmailCache {
    public static final Duration FRESH = Duration.ofMinutes(10);
    public static final int MAX_EMAILS = 50_000;

    /** What a shell can insert as one word, unquoted: no spaces, control characters or shell syntax. */
    private static final Pattern COMPLETABLE = Pattern.compile("[^\\s\\p{Cntrl}\\p{Cf}'\"`$\\\\!;&|<>()*?\\[\\]{}#~=:,]+");

    private final Path dir;
    private final Clock clock;

    public EmailCache(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** The file for one place (connection and table): its name is a hash, which says nothing of either. */
    public Path file(String place) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(place.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The place's emails: from its file when fresh, else read by {@code read} (given {@link #MAX_EMAILS}, the
     * most it may return) and written to the file first.
     */
    public List<String> emails(String place, IntFunction<List<String>> read) throws IOException {
        Path file = file(place);
        if (fresh(file)) {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        List<String> emails = read.apply(MAX_EMAILS).stream().filter(e -> COMPLETABLE.matcher(e).matches()).toList();
        Layout.createDirectories(dir, true);
        Path written = Files.createTempFile(dir, "emails", ".tmp", PrivateFiles.OWNER_ONLY);
        try {
            Files.write(written, emails, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
        return emails;
    }

    private boolean fresh(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Instant written = Files.getLastModifiedTime(file).toInstant();
        Instant now = clock.instant();
        return !written.isAfter(now) && Duration.between(written, now).compareTo(FRESH) < 0;
    }

    /** The emails starting with {@code prefix}, ignoring case, at most {@code limit} of them. */
    public static List<String> matching(List<String> emails, String prefix, int limit) {
        String start = prefix.toLowerCase(Locale.ROOT);
        return emails.stream().filter(e -> e.toLowerCase(Locale.ROOT).startsWith(start)).limit(limit).toList();
    }
}
