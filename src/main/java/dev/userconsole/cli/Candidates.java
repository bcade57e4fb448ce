package dev.userconsole.cli;

import dev.userconsole.users.ImportFile;
import dev.userconsole.users.health.FixKind;
import dev.userconsole.users.output.OutputFormat;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The values an option takes, as typed (lower case), for completion and {@code ${COMPLETION-CANDIDATES}}:
 * picocli would offer an enum's constants in upper case, and knows nothing of a String's fixed values.
 */
final class Candidates {
    private Candidates() {
    }

    /** A fixed list of values. */
    abstract static class Of implements Iterable<String> {
        private final List<String> values;

        Of(String... values) {
            this.values = List.of(values);
        }

        Of(Enum<?>[] constants) {
            this(Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toArray(String[]::new));
        }

        @Override
        public Iterator<String> iterator() {
            return values.iterator();
        }
    }

    static final class UserFormats extends Of {
        UserFormats() {
            super(OutputFormat.values());
        }
    }

    static final class FileFormats extends Of {
        FileFormats() {
            super(ImportFile.Format.values());
        }
    }

    static final class TrashFormats extends Of {
        TrashFormats() {
            super(TrashCommand.Format.values());
        }
    }

    static final class HistoryFormats extends Of {
        HistoryFormats() {
            super(HistoryCommand.Format.values());
        }
    }

    static final class OnExisting extends Of {
        OnExisting() {
            super(ImportCommand.OnExisting.values());
        }
    }

    static final class DoctorFormats extends Of {
        DoctorFormats() {
            super("text", "json");
        }
    }

    static final class FixKinds extends Of {
        FixKinds() {
            super(Arrays.stream(FixKind.values()).map(FixKind::code).toArray(String[]::new));
        }
    }

    static final class Shells extends Of {
        Shells() {
            super(CompletionCommand.Shell.values());
        }
    }
}
