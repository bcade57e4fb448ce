package dev.userconsole.users.output;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.bulk.NewPasswords;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one place a bulk reset's new passwords are written: a new file only its owner may read
 * ({@code rw-------}), one {@code email,password} line each, written the moment each password is set.
 */
public final class PasswordFile implements NewPasswords, AutoCloseable {
    private final Path file;
    private final BufferedWriter out;

    private PasswordFile(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Creates the file, refusing one that exists (it may hold passwords handed out before).
     *
     * @param named what the user called the file, for the refusals ("--passwords-to", "The passwords file")
     */
    public static PasswordFile create(Path file, String named) {
        try {
            Files.createFile(file, PrivateFiles.OWNER_ONLY);
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
            out.write("email,password\n");
            out.flush();
            return new PasswordFile(file, out);
        } catch (FileAlreadyExistsException e) {
            throw new ConsoleException(Problem.INVALID_INPUT, named + ": " + file + " exists already; give a"
                    + " new file, so that no password handed out before is overwritten. Nothing was changed.");
        } catch (UnsupportedOperationException e) {
            throw new ConsoleException(Problem.INVALID_INPUT, named + ": this file system cannot make " + file
                    + " private to its owner; write the passwords elsewhere. Nothing was changed.");
        } catch (IOException e) {
            throw new ConsoleException(Problem.INVALID_INPUT, named + ": cannot create " + file + " ("
                    + e.getMessage() + "). Nothing was changed.");
        }
    }

    public Path path() {
        return file;
    }

    @Override
    public synchronized void add(String email, String password) {
        try {
            out.write(CsvCells.safe(email) + "," + password + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
