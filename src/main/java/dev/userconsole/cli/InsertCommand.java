package dev.userconsole.cli;

import dev.userconsole.config.Settings;
import dev.userconsole.users.NewUser;
import dev.userconsole.users.PasswordContext;
import dev.userconsole.users.PasswordPolicy;
import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import dev.userconsole.users.UserValidator;
import dev.userconsole.users.Written;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.audit.WriteAction;
import dev.userconsole.users.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "insert", mixinStandardHelpOptions = true,
        description = "Create a user. The password is asked for on the terminal (twice), or read from stdin.")
final class InsertCommand extends UserCommand {
    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "Email address (the key).")
    String email;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.UserFormats.class,
            description = "Also print the created user on stdout: table, json, jsonl or csv (default: print nothing).")
    OutputFormat format;

    @Option(names = "--first-name", required = true, paramLabel = "NAME")
    String firstName;

    @Option(names = "--last-name", required = true, paramLabel = "NAME")
    String lastName;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    private String password;

    @Override
    void validateInput() {
        UserValidator.email(email);
        UserValidator.firstName(firstName);
        UserValidator.lastName(lastName);
        Settings settings = root.settings(false);
        password = PasswordPolicy.of(settings).check(PasswordInput.read(io(), passwordStdin, "Password", true),
                new PasswordContext(email, firstName, lastName, settings.tableName()));
    }

    @Override
    int run(UserController users) {
        Written written = users.insert(new NewUser(email, firstName, lastName, password));
        User created = written.user();
        report(written, "Created user " + VisibleText.of(created.emailAddress()) + " ("
                + VisibleText.of(created.firstName()) + " " + VisibleText.of(created.lastName()) + ").");
        printIfAsked(format, created);
        return 0;
    }

    @Override
    WriteAction writes() {
        return WriteAction.INSERT;
    }

    @Override
    String email() {
        return email;
    }
}
