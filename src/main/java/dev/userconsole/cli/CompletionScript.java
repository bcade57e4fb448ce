package dev.userconsole.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The completion script: picocli's own, made from the same definitions as --help (commands, options, their
 * values, file names for file options), which runs in bash and, through bashcompinit, in zsh; then our
 * function, registered last, for the values only a running program knows: connection and profile names,
 * and with {@code --emails} the table's emails, from {@code user-console complete ...}.
 */
final class CompletionScript {
    private final CommandSpec root;
    private final boolean emails;

    CompletionScript(CommandSpec root, boolean emails) {
        this.root = root;
        this.emails = emails;
    }

    String forShell(String shell) {
        String name = root.name();
        return "# " + name + " completion for " + shell + ": source <(" + name + " completion " + shell + ")"
                + " in ~/." + shell + "rc\n"
                + AutoComplete.bash(name, visible()) + "\n" + dynamic(name);
    }

    /** The commands --help lists: the hidden ones (manpage, complete) are not offered. */
    private CommandLine visible() {
        CommandLine copy = new CommandLine(root.userObject());
        root.subcommands().forEach((subcommand, line) -> {
            if (line.getCommandSpec().usageMessage().hidden()) {
                copy.getCommandSpec().removeSubcommand(subcommand);
            }
        });
        return copy;
    }

    private String dynamic(String name) {
        String function = "_" + name.replace('-', '_') + "_dynamic";
        String picocli = "_complete_" + name;
        return """
                # Values picocli cannot know when the script is made, asked of the program itself (which prints
                # nothing on any problem); everything else is picocli's completion above.
                %1$s_reply() {
                  local IFS=$'\\n'
                  COMPREPLY=( $(command %2$s "$@" 2>/dev/null) )
                }

                %1$s() {
                  local cur="${COMP_WORDS[COMP_CWORD]}" prev=""
                  (( COMP_CWORD > 0 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"
                  case "$prev" in
                    --connection) %1$s_reply complete connections -- "$cur"; return 0 ;;
                    --profile) %1$s_reply complete profiles -- "$cur"; return 0 ;;
                    --email) %4$s ;;
                  esac
                  %3$s "$@"
                }

                complete -F %1$s %2$s
                """.formatted(function, name, picocli, emails ? emailsFromTheTable(function) : "COMPREPLY=(); return 0");
    }

    /** The global options typed so far say which table; the program answers from its cache. */
    private static String emailsFromTheTable(String function) {
        return """
                local globals=() i word value
                      for (( i = 1; i < COMP_CWORD - 1; i++ )); do
                        word="${COMP_WORDS[i]}"
                        case "$word" in
                          --embedded) globals+=("$word") ;;
                          --connection|--table|--endpoint|--region|--profile|--data-dir)
                            value="${COMP_WORDS[i+1]}"; i=$((i + 1))
                            if [ "$value" = "=" ]; then value="${COMP_WORDS[i+1]}"; i=$((i + 1)); fi
                            globals+=("$word=${value/#\\~\\//$HOME/}") ;;
                        esac
                      done
                      %s_reply "${globals[@]}" complete emails -- "$cur"; return 0""".formatted(function);
    }
}
