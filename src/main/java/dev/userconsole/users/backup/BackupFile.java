package dev.userconsole.users.backup;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.output.PrivateFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A backup file: DynamoDB JSON, one item per line, gzip-compressed when its name ends in {@code .gz} (as
 * DynamoDB's export to S3 writes its {@code *.json.gz} files). It holds password hashes, so it is created
 * readable by its owner only; it is written under a temporary name and moved into place when complete, so
 * a backup that fails half-way never looks like a whole one (and never replaces an earlier one).
 */
public final class BackupFile {
    static final int MAX_LINE = 16 * 1024 * 1024;

    private BackupFile() {
    }

    static boolean compressed(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** Refuses an existing file unless {@code replace}; checked before connecting, and again at the end. */
    public static void checkNew(Path file, boolean replace) {
        if (file.toString().equals("-")) {
            throw new ConsoleException(Problem.INVALID_INPUT, "A backup is never written to standard output (it"
                    + " holds password hashes); give a file name.");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ConsoleException(Problem.INVALID_INPUT, file + " is not a regular file; a backup is written"
                    + " to a new file (or replaces one with --force).");
        }
        if (!replace && Files.exists(file)) {
            throw new ConsoleException(Problem.INVALID_INPUT, file + " already exists; choose a new file name"
                    + " (or --force to replace it).");
        }
    }

    /** Starts a new backup of {@code file}: nothing is at that name until {@link Output#complete()}. */
    public static Output create(Path file, boolean replace) {
        checkNew(file, replace);
        Path directory = file.toAbsolutePath().getParent();
        Path partial;
        try {
            partial = Files.createTempFile(directory, "." + file.getFileName() + ".", ".partial",
                    PrivateFiles.OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            throw new ConsoleException(Problem.INVALID_INPUT,
                    "This file system cannot make " + file + " private to its owner; write the backup elsewhere.");
        } catch (IOException e) {
            throw cannot("write", file, e);
        }
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
            return new Output(file, partial, replace, compressed(file) ? new GZIPOutputStream(out, 1 << 16) : out);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw cannot("write", file, e);
        }
    }

    /**
     * Reads the lines of a backup, numbered from 1. A line longer than {@link #MAX_LINE} bytes (far more than
     * any DynamoDB item, 400 KB, takes as DynamoDB JSON) is reported, not held in memory.
     */
    public static Lines open(Path file) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            return new Lines(file, compressed(file) ? new BufferedInputStream(new GZIPInputStream(in), 1 << 16) : in);
        } catch (IOException e) {
            throw cannot("read", file, e);
        }
    }

    /** Lines that hold something, for a progress bar: counted in a quick first pass. */
    public static long countLines(Path file) {
        long count = 0;
        try (Lines lines = open(file)) {
            while (lines.hasNext()) {
                lines.next();
                count++;
            }
        } catch (ConsoleException | UncheckedIOException e) {
            return count;
        }
        return count;
    }

    private static ConsoleException cannot(String what, Path file, IOException e) {
        String reason = e instanceof java.util.zip.ZipException ? "it is not a gzip file (its name ends in .gz)"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new ConsoleException(Problem.INVALID_INPUT, "Cannot " + what + " " + file + " (" + reason + ").", e);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more to do: it is a private, clearly named partial file
        }
    }

    /** A backup being written. Closing it without {@link #complete()} deletes what was written. */
    public static final class Output implements AutoCloseable {
        private final Path file;
        private final Path partial;
        private final boolean replace;
        private final OutputStream out;
        private boolean completed;

        private Output(Path file, Path partial, boolean replace, OutputStream out) {
            this.file = file;
            this.partial = partial;
            this.replace = replace;
            this.out = out;
        }

        public Path file() {
            return file;
        }

        public void writeLine(String line) {
            try {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            } catch (IOException e) {
                throw cannot("write", file, e);
            }
        }

        /** Finishes the file and moves it to its name. */
        public void complete() {
            try {
                out.close();
                if (replace) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.move(partial, file);
                }
                completed = true;
            } catch (FileAlreadyExistsException e) {
                throw new ConsoleException(Problem.INVALID_INPUT, file + " was created by something else while the"
                        + " backup ran; nothing was replaced.");
            } catch (IOException e) {
                throw cannot("write", file, e);
            }
        }

        @Override
        public void close() {
            if (!completed) {
                try {
                    out.close();
                } catch (IOException e) {
                    // the partial file is deleted below either way
                }
                deleteQuietly(partial);
            }
        }
    }

    /** One line of a backup: its number in the file and its text, or why its bytes are not text. */
    public record Line(long number, String text, String unreadable) {
    }

    /**
     * The non-blank lines of a backup file. Each is decoded as strict UTF-8 on its own, so one damaged line is
     * reported by number and the others still read.
     */
    public static final class Lines implements Iterator<Line>, AutoCloseable {
        private final Path file;
        private final InputStream in;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        private long number;
        private Line next;
        private boolean ended;

        private Lines(Path file, InputStream in) {
            this.file = file;
            this.in = in;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !ended) {
                next = read();
            }
            return next != null;
        }

        @Override
        public Line next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Line line = next;
            next = null;
            return line;
        }

        /**
         * The next line, null for a blank one; sets {@code ended} at the end of the file, and also where the
         * file cannot be read further (a gzip file cut short): that line is reported, the ones before it stand.
         */
        private Line read() {
            bytes.reset();
            boolean tooLong = false;
            try {
                int b;
                while ((b = in.read()) != -1 && b != '\n') {
                    if (bytes.size() < MAX_LINE) {
                        bytes.write(b);
                    } else {
                        tooLong = true;
                    }
                }
                if (b == -1) {
                    ended = true;
                    if (bytes.size() == 0) {
                        return null;
                    }
                }
            } catch (IOException e) {
                ended = true;
                return new Line(++number, null, "cannot be read, so the file ends here (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); the lines before it were read");
            }
            number++;
            if (tooLong) {
                return new Line(number, null, "is longer than " + MAX_LINE / (1024 * 1024) + " MB, more than any item");
            }
            try {
                String text = utf8.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
                return text.isBlank() ? null : new Line(number, text, null);
            } catch (CharacterCodingException e) {
                return new Line(number, null, "is not valid UTF-8");
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
