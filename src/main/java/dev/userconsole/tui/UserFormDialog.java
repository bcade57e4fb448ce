package dev.userconsole.tui;

import static dev.userconsole.tui.KeyBinding.described;
import static dev.userconsole.tui.KeyBinding.escape;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.InvalidInputException;
import dev.userconsole.errors.Problem;
import dev.userconsole.text.VisibleText;
import dev.userconsole.users.NewUser;
import dev.userconsole.users.PasswordContext;
import dev.userconsole.users.User;
import dev.userconsole.users.UserChanges;
import dev.userconsole.users.UserValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Insert and Update. Fields are checked with the same rules the controller applies, the password with
 * the connected controller's policy, and each error is shown beside its field before anything is sent.
 * Save is disabled while a save is running.
 */
final class UserFormDialog {
    static final Keymap<UserFormDialog> KEYS = Keymap.of("Insert user, Update user",
            described("Tab, Shift-Tab", "the next / previous field (errors show beside each field)").brief("next field"),
            described("Enter", "on Save: check and save; passwords are masked, and in Update an empty one keeps"
                    + " the current password").brief("on Save submits"),
            escape("cancel: nothing is saved"));

    /** Saving found the user changed by someone else since the form opened. */
    static final Keymap<UserFormDialog> CHANGED_KEYS = Keymap.of("Changed by someone else",
            described("Enter", "Reload their version (your edits are discarded) or Keep editing").brief("choose"),
            escape("keep editing"));

    private static final int FIELD_WIDTH = 40;

    private final ConsoleUi ui;
    private final BasicWindow window;
    private final Map<String, TextBox> fields = new LinkedHashMap<>();
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final Label state = new Label("");
    private final Button save;
    private User loaded;

    private UserFormDialog(ConsoleUi ui, String title, User loaded) {
        this.ui = ui;
        this.loaded = loaded;
        this.window = new BasicWindow(title);
        Panel grid = new Panel(new GridLayout(2));
        if (loaded == null) {
            addField(grid, "first name", "First name", false);
            addField(grid, "last name", "Last name", false);
            addField(grid, "email", "Email", false);
            addField(grid, "password", "Password", true);
            addField(grid, "confirm", "Confirm", true);
        } else {
            grid.addComponent(new Label("Email"));
            grid.addComponent(new Label(VisibleText.forScreen(loaded.emailAddress())));
            addField(grid, "first name", "First name", false);
            addField(grid, "last name", "Last name", false);
            addField(grid, "password", "New password", true);
            addField(grid, "confirm", "Confirm", true);
            fill(loaded);
        }
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(grid);
        if (loaded != null) {
            panel.addComponent(new Label("Leave the password empty to keep the current one."));
        }
        panel.addComponent(state);
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        save = new Button("Save", this::submit);
        buttons.addComponent(save);
        buttons.addComponent(new Button("Cancel", () -> ui.closeDialog(window)));
        panel.addComponent(buttons);
        window.setComponent(panel);
    }

    static UserFormDialog forInsert(ConsoleUi ui) {
        return new UserFormDialog(ui, "Insert user", null);
    }

    static UserFormDialog forUpdate(ConsoleUi ui, User user) {
        return new UserFormDialog(ui, "Update user", user);
    }

    void open() {
        ui.openDialog(window, KEYS, this);
        fields.values().iterator().next().takeFocus();
    }

    private void addField(Panel grid, String key, String label, boolean masked) {
        TextBox box = new TextBox(new TerminalSize(FIELD_WIDTH, 1));
        // Lanterna draws bidi and C1 characters to the terminal as they are: a keystroke adding one is ignored
        box.setValidationPattern(VisibleText.PRINTABLE_TEXT);
        if (masked) {
            box.setMask('*');
        }
        Label error = new Label("");
        error.setVisible(false);
        grid.addComponent(new Label(label));
        grid.addComponent(box);
        grid.addComponent(new EmptySpace());
        grid.addComponent(error);
        fields.put(key, box);
        errors.put(key, error);
    }

    /** Stored names may hold characters a text field cannot show; they are shown escaped. */
    private void fill(User user) {
        setText("first name", VisibleText.forScreen(user.firstName()));
        setText("last name", VisibleText.forScreen(user.lastName()));
        fields.get("password").setText("");
        fields.get("confirm").setText("");
    }

    /** Sets a field with the caret at the end, where editing a name usually starts. */
    private void setText(String key, String text) {
        TextBox box = fields.get(key);
        box.setText(text);
        box.setCaretPosition(text.length());
    }

    private String text(String key) {
        return fields.get(key).getText();
    }

    private void submit() {
        if (!save.isEnabled()) {
            return;
        }
        errors.values().forEach(label -> {
            label.setText("");
            label.setVisible(false);
        });
        state.setText("");
        boolean valid = true;
        for (String name : new String[] {"first name", "last name"}) {
            // in Update, an untouched field is not sent, so it need not pass (old items may lack names)
            boolean untouched = loaded != null && changed(text(name).strip(), stored(name)) == null;
            valid &= untouched || check(name, name.equals("first name") ? UserValidator::firstName
                    : UserValidator::lastName);
        }
        boolean changingPassword = loaded == null || !text("password").isEmpty() || !text("confirm").isEmpty();
        if (loaded == null) {
            valid &= check("email", UserValidator::email);
        }
        if (changingPassword) {
            valid &= check("password", this::checkPassword);
            if (!text("password").equals(text("confirm"))) {
                fieldError("confirm", "does not match the password");
                valid = false;
            }
        }
        if (!valid) {
            return;
        }
        if (loaded == null) {
            insert();
        } else {
            update(changingPassword);
        }
    }

    /**
     * The policy of the connected controller (its MIN_PASSWORD_LENGTH, its table), with the names as typed.
     * Before a connection nothing is checked here: the controller checks when the form is sent, and its
     * refusal is shown beside the field the same way.
     */
    private String checkPassword(String password) {
        ui.backend().ifConnected().ifPresent(users -> users.passwordPolicy().check(password, new PasswordContext(
                loaded == null ? text("email") : loaded.emailAddress(), text("first name"), text("last name"),
                users.tableName())));
        return password;
    }

    private boolean check(String key, Function<String, String> rule) {
        try {
            rule.apply(text(key));
            return true;
        } catch (InvalidInputException e) {
            fieldError(key, e.reason());
            return false;
        }
    }

    private void fieldError(String key, String reason) {
        Label error = errors.get(key);
        error.setText("! " + reason);
        error.setVisible(true);
    }

    private void insert() {
        NewUser user = new NewUser(text("email"), text("first name"), text("last name"), text("password"));
        busy("Saving (hashing the password takes a moment)...");
        ui.backend().run("Saving user", users -> users.insert(user), written -> {
            ui.closeDialog(window);
            ui.usersChanged();
            User created = written.user();
            ui.showWritten("User created", written, "Created user " + VisibleText.forScreen(created.emailAddress())
                    + " (" + VisibleText.forScreen(created.firstName()) + " " + VisibleText.forScreen(created.lastName())
                    + ").");
        }, this::failed);
    }

    private void update(boolean changingPassword) {
        String first = changed(text("first name").strip(), loaded.firstName());
        String last = changed(text("last name").strip(), loaded.lastName());
        UserChanges changes = new UserChanges(first, last, changingPassword ? text("password") : null);
        if (changes.isEmpty()) {
            state.setText("Nothing changed: edit a field, or Esc to go back.");
            return;
        }
        busy("Saving...");
        User base = loaded;
        ui.backend().run("Saving user", users -> users.update(base, changes), updated -> {
            ui.closeDialog(window);
            ui.usersChanged();
            ui.showWritten("User updated", updated, "Updated user "
                    + VisibleText.forScreen(updated.user().emailAddress()) + ".");
        }, this::failed);
    }

    private String stored(String name) {
        return name.equals("first name") ? loaded.firstName() : loaded.lastName();
    }

    /** Only changed fields are sent; a field still showing the stored (escaped) value is unchanged. */
    private static String changed(String typed, String stored) {
        return Objects.equals(typed, VisibleText.forScreen(stored)) ? null : typed;
    }

    private void busy(String message) {
        save.setEnabled(false);
        state.setText(message);
    }

    private void failed(ConsoleException e) {
        save.setEnabled(true);
        state.setText("");
        if (e instanceof InvalidInputException invalid && errors.containsKey(invalid.field())) {
            fieldError(invalid.field(), invalid.reason());
        } else if (e.problem() == Problem.ALREADY_EXISTS) {
            fieldError("email", "a user with this email already exists");
        } else if (e.problem() == Problem.CHANGED_BY_SOMEONE_ELSE) {
            offerReload();
        } else {
            ui.showError(e);
        }
    }

    private void offerReload() {
        BasicWindow ask = new BasicWindow("Changed by someone else");
        Panel panel = new Panel(new LinearLayout());
        panel.addComponent(new Label("Someone else changed this user after you opened it."));
        panel.addComponent(new Label("Nothing was saved. Load their version (your edits are discarded)?"));
        panel.addComponent(new EmptySpace());
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        Button reload = new Button("Reload", () -> {
            ui.closeDialog(ask);
            reload();
        });
        buttons.addComponent(reload);
        buttons.addComponent(new Button("Keep editing", () -> ui.closeDialog(ask)));
        panel.addComponent(buttons);
        ask.setComponent(panel);
        ui.openDialog(ask, CHANGED_KEYS, this);
        reload.takeFocus();
    }

    private void reload() {
        String key = loaded.emailAddress();
        busy("Loading the current version...");
        ui.backend().run("Loading user", users -> users.get(key), current -> {
            loaded = current;
            fill(current);
            save.setEnabled(true);
            state.setText("Reloaded the current version.");
        }, this::failed);
    }
}
