package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.userconsole.config.Credentials;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.store.DynamoDbs;
import dev.userconsole.testing.AuditLines;
import dev.userconsole.testing.LocalDynamoDb;
import dev.userconsole.users.PasswordHasher;
import dev.userconsole.users.WriteGuard;
import dev.userconsole.users.audit.AuditLog;
import dev.userconsole.users.NewUser;
import dev.userconsole.users.UserChanges;
import dev.userconsole.users.User;
import dev.userconsole.users.UserController;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Each screen driven by keystrokes on a virtual terminal, checked on screen and in the store. */
class ConsoleUiTest {
    private final String table = LocalDynamoDb.freshTableName();
    private UserController store;
    private DynamoDbClient raw;
    private VirtualConsole console;

    @BeforeEach
    void setUp() {
        store = LocalDynamoDb.controller(table);
        raw = LocalDynamoDb.rawClient();
    }

    @AfterEach
    void tearDown() {
        if (console != null) {
            console.close();
        }
        store.close();
        raw.close();
    }

    private VirtualConsole open(int columns, int rows) {
        console = new VirtualConsole(columns, rows, () -> LocalDynamoDb.controller(table), table);
        return console;
    }

    private VirtualConsole openWithTable() {
        store.createTable(false);
        open(80, 24);
        console.waitFor("Table " + table + ": ACTIVE");
        return console;
    }

    private void putRaw(String email, String first, String last) {
        raw.putItem(b -> b.tableName(table).item(Map.of("emailAddress", AttributeValue.fromS(email),
                "firstName", AttributeValue.fromS(first), "lastName", AttributeValue.fromS(last),
                "dateCreated", AttributeValue.fromS("2023-09-20T14:03:11.123Z"),
                "dateUpdated", AttributeValue.fromS("2023-09-20T14:03:11.123Z"))));
    }

    @Test
    void theMenuStatusLineAndFooterAreDrawn() {
        openWithTable();
        String screen = console.text();
        for (String item : new String[] {"Insert user", "Read users", "Update user", "Delete user", "Create table",
                "Table info", "Quit"}) {
            assertTrue(screen.contains(item), item + " missing:\n" + screen);
        }
        assertTrue(screen.lines().findFirst().get().contains("test endpoint"), screen);
        assertTrue(screen.contains("~0 users"), screen);
        console.waitFor("the footer, once nothing is busy beside it",
                text -> text.lines().reduce((a, b) -> b).get().contains("q Quit  ?, F1 help"));
        assertTrue(screen.contains("Import users from a file") && screen.contains("Export users to a file"), screen);
    }

    @Test
    void createTableOffersBothModesAndWaitsForActive() {
        open(80, 24);
        console.waitFor("missing (create it from the menu");
        console.type("r");
        console.waitFor("does not exist yet: create it from");
        console.press(KeyType.Escape);
        console.press(KeyType.Escape);
        console.waitFor("Insert user");
        console.type("c");
        console.waitFor("<On demand>");
        console.press(KeyType.Tab);
        console.press(KeyType.Enter);
        String created = console.waitFor("Created table " + table + " (ACTIVE, on demand)");
        assertTrue(created.contains("Created the trash table " + table + "-trash"), created);
        assertEquals("PAY_PER_REQUEST", store.describeTable().orElseThrow().billingMode());
        console.press(KeyType.Enter);
        console.waitFor("Table " + table + ": ACTIVE");
        console.type("c");
        String again = console.waitFor("already exists (ACTIVE");
        assertTrue(again.contains("The trash table " + table + "-trash exists."), again);
    }

    @Test
    void insertShowsFieldErrorsFirstThenCreatesTheUser() {
        openWithTable();
        console.submitInsertForm("Ann", "", "not-an-email", "short", "other");
        String screen = console.waitFor("! is required");
        assertTrue(screen.contains("! must be at least 8 characters"), screen);
        assertTrue(screen.contains("! does not match the password"), screen);
        assertTrue(screen.contains("! \"not-an-email\" is not an address"), screen);
        assertEquals(0, store.list().count(), "nothing is sent while a field is invalid");

        console.press(KeyType.ReverseTab); // Confirm
        console.press(KeyType.ReverseTab); // Password
        console.press(KeyType.ReverseTab); // Email
        console.press(KeyType.ReverseTab); // Last name
        console.type("Lee");
        console.press(KeyType.Tab);
        console.press(KeyType.Backspace, 12);
        console.type("Ann.Lee@Example.com");
        console.press(KeyType.Tab);
        console.type("-long");
        console.press(KeyType.Tab);
        console.press(KeyType.Backspace, 5);
        console.type("short-long");
        console.press(KeyType.Tab);
        console.press(KeyType.Enter);
        console.waitFor("Created user ann.lee@example.com (Ann Lee).");
        assertTrue(store.checkPassword("ann.lee@example.com", "short-long"));
        assertFalse(console.text().contains("short-long"), "passwords are masked");
        console.press(KeyType.Enter);
        console.waitFor("~1 user");
    }

    @Test
    void theFormShowsWhyThePolicyRefusesAPasswordBesideTheField() {
        openWithTable();
        console.submitInsertForm("Ann", "Lee", "ann@example.com", "password1", "password1");
        String screen = console.waitFor("! is one of the 30,000 most common");
        assertEquals(1, screen.lines().filter(line -> line.contains("! ")).count(), screen);
        assertEquals(0, store.list().count(), "nothing is sent while the password is refused");

        console.press(KeyType.ReverseTab); // Confirm
        console.press(KeyType.ReverseTab); // Password
        console.press(KeyType.Backspace, 9);
        console.type("Lee-2024");
        console.press(KeyType.Tab);
        console.press(KeyType.Backspace, 9);
        console.type("Lee-2024");
        console.press(KeyType.Tab);
        console.press(KeyType.Enter);
        console.waitFor("! must not be the user's last name");
        assertFalse(console.text().contains("most common"), "the earlier reason is replaced");
        assertEquals(0, store.list().count());
    }

    @Test
    void theUpdateFormShowsWhyANewPasswordIsRefused() {
        actionsForTheOnlyUser(new NewUser("edit@example.com", "Edit", "Me", "password-1"));
        console.waitFor("Update");
        console.press(KeyType.Enter);
        console.waitFor("Leave the password empty");
        console.press(KeyType.Tab, 2); // new password
        console.type("iloveyou");
        console.press(KeyType.Tab);
        console.type("iloveyou");
        console.press(KeyType.Tab);
        console.press(KeyType.Enter);
        console.waitFor("! is one of the 30,000 most common");
        assertTrue(store.checkPassword("edit@example.com", "password-1"), "the password was left alone");
    }

    @Test
    void aDuplicateInsertIsReportedBesideTheEmail() {
        openWithTable();
        store.insert(new NewUser("dup@example.com", "First", "Owner", "password-1"));
        console.submitInsertForm("Second", "Try", "dup@example.com", "password-2", "password-2");
        console.waitFor("! a user with this email already exists");
        assertEquals("First", store.get("dup@example.com").firstName());
    }

    @Test
    void hostileAndWideNamesAreShownEscapedAndAligned() {
        store.createTable(false);
        putRaw("evil@example.com", "\u001b]0;pwned\u0007\u001b[2J", "Bidi\u202eevil\u009b");
        putRaw("wide@example.com", "山田", "🙂🙂");
        putRaw("plain@example.com", "Plain", "Person");
        open(80, 24);
        console.type("r");
        String screen = console.waitFor("3 users (all loaded)");
        // the names' columns are 13 wide at 80 columns: the escapes are shown, cut with an ellipsis
        assertTrue(screen.contains("\\x1b]0;pwned"), screen);
        assertTrue(screen.contains("Bidi\\u202eev"), screen);
        assertFalse(screen.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e || c == 0x9b), screen);
        String header = console.lineWith("Last name");
        int lastNameColumn = header.indexOf("Last name");
        assertEquals(lastNameColumn, columnOf(console, "wide@example.com", "🙂🙂"), "wide characters keep columns aligned");
        assertEquals(lastNameColumn, columnOf(console, "plain@example.com", "Person"));
    }

    /** The terminal column where {@code text} starts on the row of {@code rowKey}. */
    private static int columnOf(VirtualConsole console, String rowKey, String text) {
        String line = console.lineWith(rowKey);
        int index = line.indexOf(text);
        return dev.userconsole.text.VisibleText.width(line.substring(0, index));
    }

    private void seed(int count) {
        LocalDynamoDb.putAll(raw, table, IntStream.range(0, count).mapToObj(i -> Map.of(
                "emailAddress", AttributeValue.fromS(String.format("user%03d@example.com", i)),
                "firstName", AttributeValue.fromS("First" + i),
                "lastName", AttributeValue.fromS("Last" + i))).toList());
    }

    @Test
    void theListLoadsMorePagesAsYouScrollAndFiltersTheWholeTable() {
        store.createTable(true);
        seed(250);
        open(80, 24);
        console.type("r");
        console.waitFor("users 1-100, more as you scroll");
        for (int i = 0; i < 30 && !console.text().contains("250 users (all loaded)"); i++) {
            console.press(KeyType.PageDown);
            console.settle();
        }
        console.waitFor("250 users (all loaded)");
        console.type("/");
        console.type("user249");
        String screen = console.waitFor("1 match in 250 users");
        assertTrue(screen.contains("user249@example.com"), screen);
        // what the filter read, once it has finished: DynamoDB Local reports a scan's units
        assertTrue(console.waitFor("read units").matches("(?s).*1 match in 250 users; about [0-9.]+ MB read,"
                + " [0-9.]+ read units.*"), console.text());
        console.press(KeyType.Escape);
        console.waitFor("250 users (all loaded)");
    }

    @Test
    void theFilterIsAQueryAndSaysWhereItsTextStopsBeingOne() {
        store.createTable(true);
        seed(30);
        open(100, 24);
        console.type("r");
        console.waitFor("30 users (all loaded)");
        console.type("/");
        console.type("first:first1 -user010 OR user02");
        String screen = console.waitFor("matches in 30 users");
        // First1 and First10..First19 but user010; or user020..user029
        assertTrue(screen.contains("20 matches in 30 users"), screen);
        assertFalse(screen.contains("user010@example.com"), screen);
        console.press(KeyType.Escape);
        console.waitFor("30 users (all loaded)");
        console.type("/");
        console.type("created:2026-1x");
        String refused = console.waitFor("at column");
        assertTrue(refused.contains("filter: at column 9, created: needs a date like"), refused);
        assertFalse(refused.contains("Error"), "a query being typed is not an error dialog: " + refused);
    }

    @Test
    void theListKeepsOnlyAWindowOfPagesAndScrollsBackByKey() {
        store.createTable(true);
        seed(250);
        open(80, 24);
        console.waitFor("Table " + table + ": ACTIVE");
        console.ui.showUsers(new UserBrowserView(console.ui, 20, 3));
        console.waitFor("users 1-20, more as you scroll");
        String firstRow = console.text().lines().skip(3).findFirst().orElseThrow();
        int most = 0;
        for (int i = 0; i < 60 && !console.text().contains("(the last)"); i++) {
            console.press(KeyType.PageDown);
            console.settle();
            most = Math.max(most, console.ui.browser().heldUsers());
        }
        String end = console.waitFor("(the last)");
        assertTrue(end.contains("users 201-250 (the last)"), end);
        assertTrue(most <= 60, "at most 3 pages of 20 are held, but " + most + " were");
        for (int i = 0; i < 60 && !console.text().contains("users 1-"); i++) {
            console.press(KeyType.PageUp);
            console.settle();
        }
        console.waitFor("users 1-60, more as you scroll");
        console.press(KeyType.Home);
        console.settle();
        assertEquals(firstRow, console.text().lines().skip(3).findFirst().orElseThrow(),
                "scrolling back re-reads the same first page");
    }

    /** A table with one user, the list open, and Enter pressed on that user. */
    private void actionsForTheOnlyUser(NewUser user) {
        store.createTable(false);
        store.insert(user);
        open(80, 24);
        console.type("r");
        console.waitFor("1 user (all loaded)");
        console.press(KeyType.Enter);
    }

    @Test
    void updateFromTheListChangesOnlyWhatWasEdited() {
        actionsForTheOnlyUser(new NewUser("edit@example.com", "Edit", "Me", "password-1"));
        console.waitFor("Update");
        console.press(KeyType.Enter);
        console.waitFor("Leave the password empty");
        console.press(KeyType.Tab); // last name
        console.press(KeyType.Backspace, 2);
        console.type("Edited");
        console.press(KeyType.Tab, 3);
        console.press(KeyType.Enter);
        console.waitFor("Updated user edit@example.com.");
        assertEquals("Edited", store.get("edit@example.com").lastName());
        assertTrue(store.checkPassword("edit@example.com", "password-1"), "the password was left alone");
        console.press(KeyType.Enter);
        console.waitFor("Edit          Edited");
    }

    @Test
    void aConcurrentChangeIsReportedAndCanBeReloaded() {
        store.createTable(false);
        store.insert(new NewUser("race@example.com", "Race", "Original", "password-1"));
        open(80, 24);
        console.openUpdateForm("race@example.com");
        store.update("race@example.com", new UserChanges(null, "Theirs", null));
        console.editLastNameAndSave("X");
        console.waitFor("Someone else changed this user");
        assertEquals("Theirs", store.get("race@example.com").lastName(), "nothing was overwritten");
        console.press(KeyType.Enter); // Reload
        String screen = console.waitFor("Reloaded the current version.");
        assertTrue(console.lineWith("Last name").contains("Theirs"), screen);
    }

    @Test
    void anUpdateFromTheFormRefusedByTheStoreIsAuditedOnce(@TempDir Path dir) {
        store.createTable(false);
        store.insert(new NewUser("vanish@example.com", "Van", "Ish", "password-1"));
        Path audit = dir.resolve("audit.jsonl");
        Settings settings = LocalDynamoDb.settings(table);
        console = new VirtualConsole(80, 24, () -> new UserController(DynamoDbs.open(settings), table,
                new PasswordHasher(settings.bcryptCost()), Clock.systemUTC(),
                new WriteGuard(false, AuditLog.to(audit, "http://test", table))), table);
        console.openUpdateForm("vanish@example.com");
        store.delete("vanish@example.com");
        console.editLastNameAndSave("X");
        console.waitFor("No user with email vanish@example.com.");
        assertEquals(List.of("update vanish@example.com refused NOT_FOUND [lastName]"), AuditLines.read(audit).stream()
                .map(l -> l.get("action") + " " + l.get("email") + " " + l.get("outcome") + " " + l.get("problem")
                        + " " + l.get("fields")).toList());
    }

    @Test
    void deleteAsksFirstAndReportsAMissingUser() {
        actionsForTheOnlyUser(new NewUser("gone@example.com", "Soon", "Gone", "password-1"));
        console.waitFor("Delete");
        console.press(KeyType.ArrowDown);
        console.press(KeyType.Enter);
        console.waitFor("It is kept in the trash first: undelete puts it back.");
        console.press(KeyType.Enter); // Cancel has the focus
        assertTrue(store.find("gone@example.com").isPresent());
        console.press(KeyType.Enter);
        console.press(KeyType.ArrowDown);
        console.press(KeyType.Enter);
        console.waitFor("It is kept in the trash first");
        console.press(KeyType.ReverseTab);
        console.press(KeyType.Enter);
        console.waitFor("Deleted user gone@example.com. It is kept in");
        assertTrue(store.find("gone@example.com").isEmpty());
        assertEquals(List.of("gone@example.com"), store.trashEntries().stream().map(t -> t.user().emailAddress())
                .toList(), "the console's delete keeps the user in the trash");

        console.press(KeyType.Enter);
        String empty = console.waitFor("0 users (all loaded)");
        assertFalse(empty.contains("Error"), "an empty list draws without error: " + empty);
        console.press(KeyType.Escape);
        console.type("d");
        console.type("gone@example.com");
        console.press(KeyType.Enter);
        console.waitFor("No user with email gone@example.com.");
    }

    @Test
    void markedUsersAreLockedAndEveryMatchOfAFilterDeletedAfterAPreviewAndTheCountTypedBack() {
        store.createTable(true);
        seed(30);
        open(100, 30);
        console.type("r");
        console.waitFor("30 users (all loaded)");
        console.type(" ");
        console.type(" ");
        String marked = console.waitFor("2 marked (b acts on them)");
        assertEquals(2, marked.lines().filter(line -> line.contains("* user")).count(), marked);
        console.type("b");
        console.waitFor("What to do with the users marked (2 marked)?");
        console.press(KeyType.ReverseTab); // from Cancel to Reset passwords
        console.press(KeyType.ReverseTab); // to Unlock
        console.press(KeyType.ReverseTab); // to Lock
        console.press(KeyType.Enter);
        String preview = console.waitFor("Type 2 to lock 2 users:");
        assertTrue(preview.contains("Would lock 2 users of table " + table), preview);
        console.type("3");
        console.press(KeyType.Tab);
        console.press(KeyType.Enter);
        console.waitFor("Type 2, the number of users shown, to go on.");
        assertEquals(0, store.list().filter(User::locked).count(), "a wrong count changes nothing");
        console.press(KeyType.ReverseTab);
        console.press(KeyType.Backspace);
        console.type("2");
        console.press(KeyType.Tab);
        console.press(KeyType.Enter);
        console.waitFor("Locked 2; skipped because changed 0, not found 0, unchanged 0, failed 0.");
        assertEquals(2, store.list().filter(User::locked).count());
        console.press(KeyType.Enter);

        console.type("/");
        console.type("user01");
        console.waitFor("10 matches in 30 users");
        console.press(KeyType.Enter); // keep the filter
        console.type("*");
        console.waitFor("every match marked (b acts on them)");
        console.type("b");
        console.waitFor("What to do with the users marked (every match marked)?");
        for (int i = 0; i < 4; i++) {
            console.press(KeyType.ReverseTab); // from Cancel to Delete
        }
        console.press(KeyType.Enter);
        console.waitFor("Type 10 to delete 10 users:");
        console.type("10");
        console.press(KeyType.Tab);
        console.press(KeyType.Enter);
        console.waitFor("Deleted 10; skipped because changed 0");
        assertEquals(20, store.list().count());
        assertEquals(10, store.trashEntries().size(), "a bulk delete keeps every user in the trash");
    }

    @Test
    void aMissingTrashTableIsExplainedAndCreatedAfterAskingInTheUsersTablesCapacityMode() {
        openWithTable(); // provisioned 5/5
        raw.deleteTable(b -> b.tableName(table + "-trash"));
        console.type("z");
        String asked = console.waitFor("Create the trash table");
        assertTrue(asked.contains("The trash table " + table + "-trash does not exist, so"), asked);
        console.press(KeyType.Enter); // Cancel has the focus
        console.waitFor("Insert user");
        assertFalse(raw.listTables().tableNames().contains(table + "-trash"), "Cancel creates nothing");
        console.type("z");
        console.waitFor("Create the trash table");
        console.press(KeyType.ReverseTab);
        console.press(KeyType.Enter);
        String created = console.waitFor("Created the trash table " + table + "-trash");
        assertTrue(created.contains("do again what needed it"), created);
        assertEquals(5L, raw.describeTable(b -> b.tableName(table + "-trash")).table().provisionedThroughput()
                .readCapacityUnits(), "the trash takes the users table's capacity mode");
        console.press(KeyType.Enter);
        console.type("z");
        console.waitFor("The trash is empty: no deleted user is kept.");
    }

    @Test
    void markedDeletedUsersAreUndeletedTogetherAfterAPreviewAndTheCountTypedBack() {
        openWithTable();
        for (String name : List.of("one", "two", "three")) {
            store.insert(new NewUser(name + "@example.com", "Kept", name, "password-1"));
            store.delete(name + "@example.com");
        }
        console.type("z");
        console.waitFor("3 deleted users, newest first.");
        console.type(" ");
        console.press(KeyType.ArrowDown);
        console.type(" ");
        String marked = console.waitFor("2 marked (b undeletes them)");
        assertEquals(2, marked.lines().filter(line -> line.matches(".*\\* (three|two)@example\\.com.*")).count(), marked);
        console.type("b");
        String preview = console.waitFor("Type 2 to undelete 2 users:");
        assertTrue(preview.contains("Would undelete 2 users of table " + table), preview);
        console.type("2");
        console.press(KeyType.Tab);
        console.press(KeyType.Enter);
        console.waitFor("Undeleted 2; skipped because changed 0");
        assertTrue(store.find("three@example.com").isPresent() && store.find("two@example.com").isPresent());
        assertTrue(store.find("one@example.com").isEmpty(), "the unmarked user stays deleted");
        assertEquals(List.of("one@example.com"), store.trashEntries().stream().map(t -> t.user().emailAddress()).toList());
    }

    @Test
    void aBulkResetOfMarkedUsersWritesTheNewPasswordsOnlyToAnOwnerOnlyFileAndTheReportIsSavedAsCsv(@TempDir Path dir)
            throws IOException {
        openWithTable();
        store.insert(new NewUser("first@example.com", "First", "User", "old-password-1"));
        store.insert(new NewUser("second@example.com", "Second", "User", "old-password-2"));
        console.type("r");
        console.waitFor("2 users (all loaded)");
        console.type(" ");
        console.type(" ");
        console.type("b");
        console.waitFor("What to do with the users marked (2 marked)?");
        console.press(KeyType.ReverseTab); // from Cancel to Reset passwords
        console.press(KeyType.Enter);
        console.waitFor("Type 2 to reset the password of 2 users:");
        console.waitFor("never to the screen");
        Path passwords = dir.resolve("handed-out.csv");
        console.type("2");
        console.press(KeyType.Tab);
        console.press(KeyType.Backspace, 60);
        console.type(passwords.toString());
        console.press(KeyType.Tab);
        console.press(KeyType.Enter);
        String done = console.waitFor("Reset 2; skipped because changed 0");
        assertTrue(done.contains("The new passwords are in"), done);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords)));
        List<String> lines = Files.readAllLines(passwords);
        assertEquals(3, lines.size(), lines.toString());
        for (String line : lines.subList(1, 3)) {
            String[] cells = line.split(",");
            assertTrue(store.checkPassword(cells[0], cells[1]), cells[0] + "'s new password works");
            assertFalse(console.text().contains(cells[1]), "a new password is never on the screen");
        }
        assertFalse(store.checkPassword("first@example.com", "old-password-1"), "the old password no longer works");

        Path report = dir.resolve("report.csv");
        console.press(KeyType.ReverseTab); // from Close to the report's file name
        console.press(KeyType.Backspace, 60);
        console.type(report.toString());
        console.press(KeyType.Tab);
        console.press(KeyType.Tab); // to Save report
        console.press(KeyType.Enter);
        console.waitFor("Saved the report to");
        assertEquals(List.of("email,outcome,detail", "first@example.com,done,", "second@example.com,done,"),
                Files.readAllLines(report).stream().sorted().toList());
    }

    @Test
    void theTrashListsDeletedUsersAndUndeletesOneAfterAsking() {
        openWithTable();
        store.insert(new NewUser("kept@example.com", "Kept", "Back", "password-1"));
        store.delete("kept@example.com");
        console.type("z");
        String trash = console.waitFor("1 deleted user, newest first.");
        assertTrue(trash.contains("kept@example.com"), trash);
        assertFalse(trash.contains("$2"), "never a hash: " + trash);
        console.press(KeyType.Enter);
        console.waitFor("exactly as it was when deleted");
        console.press(KeyType.Enter); // Cancel has the focus
        assertTrue(store.find("kept@example.com").isEmpty());
        console.press(KeyType.Enter);
        console.waitFor("exactly as it was when deleted");
        console.press(KeyType.ReverseTab);
        console.press(KeyType.Enter);
        console.waitFor("Undeleted user kept@example.com, as it was when deleted.");
        assertEquals("Kept", store.find("kept@example.com").orElseThrow().firstName());
        assertTrue(store.trashEntries().isEmpty());
    }

    @Test
    void anUnreachableEndpointGivesAnErrorDialogAndTheConsoleKeepsRunning() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Settings unreachable = new Settings(new Target.Endpoint(URI.create("http://127.0.0.1:" + port), "us-east-1",
                Credentials.placeholder()), table, 10, Duration.ofSeconds(3), Path.of("target", "test-logs"));
        console = new VirtualConsole(80, 24, () -> UserController.open(unreachable), table);
        console.waitFor("unavailable: cannot reach the database");
        console.type("t");
        String screen = console.waitFor("reached; check that it is running");
        assertTrue(screen.contains("Error"), screen);
        console.type("d");
        console.waitFor("Kind: UNREACHABLE");
        console.press(KeyType.Escape);
        console.type("r");
        console.waitFor("reached; check that it is running");
        console.press(KeyType.Escape);
        console.press(KeyType.Escape);
        console.waitFor("Insert user");
        assertFalse(console.quit);
    }

    /** Opens Import from the menu, names the file and presses Import. */
    private void startImport(Path file) {
        console.type("m");
        console.waitFor("File (.csv with a header row, or .jsonl):");
        console.type(file.toString());
        console.press(KeyType.Tab, 2);
        console.press(KeyType.Enter);
    }

    @Test
    void importAndExportFromTheMenuWithProgressAndARoundTrip() throws IOException {
        openWithTable();
        Path dir = Files.createTempDirectory("console-import");
        Path csv = dir.resolve("users.csv");
        Files.writeString(csv, "email,firstName,lastName,password\nann@example.com,Ann,Lee,ann-password\n"
                + "bad,B,C,password-2\nbob@example.com,Bob,Ray,bob-password\n");
        startImport(csv);
        String screen = console.waitFor("Import finished");
        assertTrue(screen.contains("Imported 2, skipped 0 (already existed), invalid 1, failed 0."), screen);
        assertTrue(screen.contains("line 3: email:"), screen);
        assertTrue(store.checkPassword("bob@example.com", "bob-password"));
        console.press(KeyType.Enter);

        Path out = dir.resolve("backup.jsonl");
        console.type("x");
        console.waitFor("New file to write:");
        console.type(out.toString());
        console.press(KeyType.Tab);
        console.press(KeyType.Tab);
        console.type(" "); // include hashes
        console.press(KeyType.Tab);
        console.press(KeyType.Enter);
        String exported = console.waitFor("Export finished");
        assertTrue(exported.contains("Exported 2 users to " + out), exported);
        assertTrue(exported.contains("(owner-only file)."), exported);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(2, Files.readAllLines(out).stream().filter(l -> l.contains("\"passwordHash\":\"$2a$")).count());
    }

    /** x on the marks, the file typed, CSV ticked or not, Export; waits until 2 users are written. */
    private void exportMarks(String marks, Path file, boolean csv) {
        console.type("x");
        console.waitFor("Export the marked users (" + marks + ")");
        console.type(file.toString());
        console.press(KeyType.Tab);
        if (csv) {
            console.type(" ");
        }
        console.press(KeyType.Tab, 2); // past the hashes box to Export
        console.press(KeyType.Enter);
        console.waitFor("Exported 2 users to " + file);
    }

    @Test
    void theMarkedUsersAreExportedByKeyAndEveryMatchOfAFilterByItsQuery(@TempDir Path dir) throws IOException {
        store.createTable(false);
        seed(12);
        open(100, 30);
        console.type("r");
        console.waitFor("12 users (all loaded)");
        console.type(" ");
        console.press(KeyType.ArrowDown);
        console.type(" ");
        console.waitFor("2 marked (b acts on them)");
        Path marked = dir.resolve("marked.jsonl");
        exportMarks("2 marked", marked, false);
        List<String> lines = Files.readAllLines(marked);
        assertEquals(2, lines.size(), lines.toString());
        String shown = console.text();
        assertTrue(lines.stream().allMatch(line -> shown.contains("* " + line.replaceAll(".*\"emailAddress\":\"([^\"]+)\".*", "$1"))),
                "exactly the two marked rows: " + lines + "\n" + shown);
        console.press(KeyType.Enter);

        console.type("/");
        console.type("user01");
        console.waitFor("2 matches in 12 users");
        console.press(KeyType.Enter);
        console.type("*");
        console.waitFor("every match marked");
        Path matches = dir.resolve("matches.csv");
        exportMarks("every match marked", matches, true);
        List<String> rows = Files.readAllLines(matches);
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith("user01") && rows.get(2).startsWith("user01"), rows.toString());
    }

    @Test
    void aRunningImportCanBeCancelledAndKeepsWhatItWrote() throws IOException {
        openWithTable();
        Path csv = Files.createTempFile("console-cancel", ".csv");
        StringBuilder rows = new StringBuilder("email,firstName,lastName,password\n");
        for (int i = 0; i < 400; i++) {
            rows.append("slow").append(i).append("@example.com,Slow,User,password-").append(i).append('\n');
        }
        Files.writeString(csv, rows);
        startImport(csv);
        console.waitFor("rows,");
        console.press(KeyType.Enter); // Cancel has the focus
        String screen = console.waitFor("Import cancelled");
        long stored = store.list().count();
        assertTrue(stored < 400, "cancelled before the end, but " + stored + " users were written");
        assertTrue(screen.contains("Imported " + stored + ","), screen);
    }

    @Test
    void helpListsTheKeysAndCtrlCQuitsFromAnywhere() {
        openWithTable();
        console.type("?");
        String help = console.waitFor("Read users");
        assertTrue(help.contains("Ctrl-C"), help);
        console.press(KeyType.Escape);
        console.type("i");
        console.waitFor("Insert user");
        console.ctrl('c');
        assertTrue(console.quit);
        assertTrue(console.gui.getWindows().isEmpty());
    }

    @Test
    void layoutUsesTheWidthOfALargerTerminal() {
        store.createTable(false);
        putRaw("wide-terminal@example.com", "Wide", "Terminal");
        open(120, 40);
        console.type("r");
        console.waitFor("1 user (all loaded)");
        assertTrue(console.lineWith("wide-terminal@example.com").contains("2023-09-20 14:03"),
                "dates show the time of day when there is room: " + console.text());
    }

    @Test
    void readOnlyShowsOnTheStatusLineAndWriteActionsOnlySaySo() {
        store.createTable(false);
        putRaw("ann@example.com", "Ann", "Lee");
        console = new VirtualConsole(80, 24, () -> LocalDynamoDb.controller(table), table, true);
        String screen = console.waitFor("Table " + table + ": ACTIVE");
        assertTrue(screen.lines().findFirst().get().startsWith(" READ-ONLY |"), screen);
        for (String item : new String[] {"Insert user", "Update user", "Delete user", "Create table",
                "Import users from a file"}) {
            assertTrue(console.lineWith(item).contains("(disabled: read-only)"), item + ":\n" + screen);
        }
        assertFalse(console.lineWith("Read users").contains("disabled"), screen);
        assertFalse(console.lineWith("Export users").contains("disabled"), screen);

        for (String key : new String[] {"i", "u", "d", "c", "m"}) {
            console.type(key);
            String shown = console.waitFor("nothing can be changed here");
            assertFalse(shown.contains("First name") || shown.contains("Email:"), key + " opened a form:\n" + shown);
            console.press(KeyType.Enter);
        }

        console.type("r");
        console.waitFor("ann@example.com");
        assertFalse(console.text().contains("i insert"), "the browser offers no insert:\n" + console.text());
        console.type("i");
        console.waitFor("nothing can be changed here");
        console.press(KeyType.Enter);
        console.press(KeyType.Enter); // the selected user's actions
        console.waitFor("Update  (disabled: read-only)");
        assertTrue(console.text().contains("Delete  (disabled: read-only)"), console.text());
        console.press(KeyType.Enter);
        console.waitFor("nothing can be changed here");
        assertEquals("Ann", store.get("ann@example.com").firstName(), "nothing changed");
    }

    @Test
    void aSetUpWarningIsADialogNotTextDrawnOverTheScreen() {
        openWithTable();
        console.ui.warn(List.of("warning: /srv/.env holds AWS_SECRET_ACCESS_KEY and other users can read it;"
                + " make it private with: chmod 600 /srv/.env"));
        String screen = console.waitFor("chmod 600 /srv/.env");
        assertTrue(screen.contains("Warning"), screen);
        assertTrue(screen.lines().findFirst().get().contains("Table " + table + ": ACTIVE"), "status line intact");
        console.press(KeyType.Enter);
        String after = console.waitFor("closed", t -> !t.contains("chmod 600"));
        assertTrue(after.contains("Insert user"), after);
    }
}
