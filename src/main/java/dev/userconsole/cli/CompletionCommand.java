package dev.userconsole.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a script that completes commands, options and their values in bash or zsh:"
                + " source <(user-console completion bash) in ~/.bashrc, or source <(user-console completion zsh)"
                + " in ~/.zshrc. Connection and AWS profile names are read when completed; emails only with"
                + " --emails."})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { BASH, ZSH }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", completionCandidates = Candidates.Shells.class, description = "bash or zsh.")
    Shell shell;

    @Option(names = "--emails", description = "Also complete --email with the table's emails (of the connection,"
            + " table and place typed on the line), from a cache refreshed by one keys-only read when more than"
            + " 10 minutes old: never a scan per Tab.")
    boolean emails;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(new CompletionScript(spec.root(), emails)
                .forShell(shell.name().toLowerCase(Locale.ROOT)));
        return 0;
    }
}
