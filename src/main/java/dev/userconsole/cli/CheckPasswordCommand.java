package dev.userconsole.cli;

import dev.userconsole.users.UserController;
import dev.userconsole.users.UserValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check-password", mixinStandardHelpOptions = true,
        description = "Check a password against the user's stored hash. Exit code 0 when it matches, 1 when not.")
final class CheckPasswordCommand extends UserCommand {
    @Option(names = "--email", required = true, paramLabel = "EMAIL")
    String email;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    private String password;

    @Override
    void validateInput() {
        UserValidator.lookupKey(email);
        password = PasswordInput.read(io(), passwordStdin, "Password", false);
    }

    @Override
    int run(UserController users) {
        boolean matches = users.checkPassword(email, password);
        io().err().println(matches ? "Password matches." : "Password does not match.");
        return matches ? 0 : 1;
    }
}
