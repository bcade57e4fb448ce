package dev.userconsole.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the manual page, user-console(1), written from the same definitions as --help. Hidden from --help. */
@Command(name = "manpage", hidden = true, description = "Print the manual page (troff, man(7) macros) on stdout.")
final class ManpageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(new ManPage(spec.root(), VersionProvider.number(),
                VersionProvider.buildDate()).render());
        return 0;
    }
}
