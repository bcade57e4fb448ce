package dev.userconsole.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors in one sentence that never repeats what was typed: {@code insert --password hunter2} would
 * otherwise have picocli print the password back (onto the screen, into CI logs).
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    /** A long option name, shown without any {@code =value}. */
    private static final Pattern LONG_OPTION = Pattern.compile("--[A-Za-z][A-Za-z0-9-]{0,40}");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private final PrintWriter err;

    UsageErrors(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        err.println("error: " + message(e, command) + " See '" + command.getCommandSpec().qualifiedName()
                + " --help'.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String message(ParameterException e, CommandLine command) {
        if (e instanceof UnmatchedArgumentException unmatched) {
            return unknown(unmatched.getUnmatched());
        }
        return withoutValues(e.getMessage(), command);
    }

    private static String unknown(List<String> arguments) {
        List<String> options = arguments.stream().map(a -> a.split("=", 2)[0])
                .filter(a -> LONG_OPTION.matcher(a).matches()).distinct().toList();
        if (options.isEmpty()) {
            return "Unexpected argument (not shown: it might be a secret).";
        }
        return "Unknown option" + (options.size() == 1 ? " " : "s ") + String.join(", ", options)
                + " (values are not shown).";
    }

    /** Keeps quoted option names and parameter labels; every other quoted text was typed and is masked. */
    private static String withoutValues(String message, CommandLine command) {
        Matcher quoted = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String text = quoted.group(1);
            boolean known = isOptionName(text, command) || isLabel(text, command);
            quoted.appendReplacement(out, Matcher.quoteReplacement(known ? quoted.group() : "(value not shown)"));
        }
        quoted.appendTail(out);
        String sentence = out.toString().strip();
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }

    /** "--email", or "--email=EMAIL" as picocli names a missing option: never a typed value. */
    private static boolean isOptionName(String text, CommandLine command) {
        String[] nameAndLabel = text.split("=", 2);
        CommandLine.Model.OptionSpec option = command.getCommandSpec().findOption(nameAndLabel[0]);
        return option != null && (nameAndLabel.length == 1 || option.paramLabel().equals(nameAndLabel[1]));
    }

    private static boolean isLabel(String text, CommandLine command) {
        return command.getCommandSpec().positionalParameters().stream().anyMatch(p -> p.paramLabel().equals(text))
                || command.getCommandSpec().options().stream().anyMatch(o -> o.paramLabel().equals(text));
    }
}
