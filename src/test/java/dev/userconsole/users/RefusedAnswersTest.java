package dev.userconsole.users;

import static dev.userconsole.users.NetworkFaultsTest.failsClearly;
import static dev.userconsole.users.NetworkFaultsTest.settingsThrough;
import static dev.userconsole.users.NetworkFaultsTest.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.testing.AuditLines;
import dev.userconsole.testing.FaultProxy;
import dev.userconsole.testing.LocalDynamoDb;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A write answered with a complete 4xx (an IAM denial, a proxy's error page, a body no SDK can parse) was
 * refused: it is reported with its reason and exit code 3, nothing is stored, it is audited as refused or
 * failed, and it is never taken for a lost answer. A 5xx may have been applied, so it is checked.
 * DynamoDB Local behind the proxy is the witness of what is stored.
 */
class RefusedAnswersTest {

    /** Complete answers a write can get from something in the way; {@code %s} is the operation. */
    enum Answer {
        PROXY_PAGE_403(403, "text/html", "<html><head><title>403 Forbidden</title></head>\n<body><h1>Forbidden</h1>"
                + "Request blocked by policy.</body></html>", "HTTP 403 with a 112-character text/html body: "
                + "\"<html><head><title>403 Forbidden</title></head> <body><h1>Fo...\"", Problem.ACCESS_DENIED),
        IAM_DENIAL_403(403, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse><Error>"
                + "<Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/ops is"
                + " not authorized to perform: dynamodb:%s</Message></Error><RequestId>7a62c49f</RequestId>"
                + "</ErrorResponse>", "Access denied: these credentials (arn:aws:iam::123456789012:user/ops) may not"
                + " perform dynamodb:%s on table Users_", Problem.ACCESS_DENIED),
        GARBAGE_400(400, "application/octet-stream", "\u0000\u0001garbage\u001b]0;owned\u0007\u202e",
                "HTTP 400 with a 20-character application/octet-stream body: \"\\x00\\x01garbage\\x1b]0;owned\\x07"
                + "\\u202e\"", Problem.DATABASE_ERROR),
        EMPTY_404(404, null, "", "HTTP 404 with an empty body", Problem.DATABASE_ERROR);

        final int status;
        final String contentType;
        final String body;
        final String reason;
        final Problem problem;

        Answer(int status, String contentType, String body, String reason, Problem problem) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.reason = reason;
            this.problem = problem;
        }
    }

    private final String table = LocalDynamoDb.freshTableName();
    private final DynamoDbClient raw = LocalDynamoDb.rawClient();
    private FaultProxy proxy;
    private UserController users;

    @BeforeEach
    void connectThroughTheProxy() throws IOException {
        proxy = new FaultProxy(LocalDynamoDb.server().port());
        try (UserController direct = LocalDynamoDb.controller(table)) {
            direct.createTable(true);
            direct.insert(new NewUser("kept@example.com", "Kept", "Before", "password-1"));
        }
        users = UserController.open(settingsThrough(proxy.endpoint(), table));
    }

    @AfterEach
    void close() throws IOException {
        users.close();
        proxy.close();
        raw.close();
    }

    private void answer(String operation, Answer answer) {
        proxy.answer(operation, answer.status, answer.contentType, String.format(answer.body, operation));
    }

    @ParameterizedTest
    @EnumSource(Answer.class)
    void aRefusedInsertSaysWhyWithExitCodeThreeAndWritesNothing(Answer answer) {
        answer("PutItem", answer);
        ConsoleException e = failsClearly(this::insertNew);
        refused(e, answer, "PutItem");
        assertTrue(stored("new@example.com").isEmpty());
        assertAudited("insert", "new@example.com", answer);
    }

    @ParameterizedTest
    @EnumSource(Answer.class)
    void aRefusedUpdateSaysWhyWithExitCodeThreeAndChangesNothing(Answer answer) {
        User loaded = users.get("kept@example.com");
        answer("UpdateItem", answer);
        ConsoleException e = failsClearly(() -> users.update(loaded, new UserChanges("Changed", null, null)));
        refused(e, answer, "UpdateItem");
        assertEquals("Kept", stored("kept@example.com").get(User.FIRST_NAME).s());
        assertEquals(loaded.dateUpdated(), stored("kept@example.com").get(User.DATE_UPDATED).s());
        assertAudited("update", "kept@example.com", answer);
    }

    @ParameterizedTest
    @EnumSource(Answer.class)
    void aRefusedDeleteSaysWhyWithExitCodeThreeAndKeepsTheUser(Answer answer) {
        // a delete keeps the user in the trash in one TransactWriteItems (DynamoDB Local has transactions)
        answer("TransactWriteItems", answer);
        ConsoleException e = failsClearly(() -> users.delete("kept@example.com"));
        refused(e, answer, "TransactWriteItems");
        assertFalse(stored("kept@example.com").isEmpty());
        assertAudited("delete", "kept@example.com", answer);
    }

    @ParameterizedTest
    @EnumSource(Answer.class)
    void aRefusedPermanentDeleteSaysWhyWithExitCodeThreeAndKeepsTheUser(Answer answer) {
        answer("DeleteItem", answer);
        ConsoleException e = failsClearly(() -> users.deletePermanently("kept@example.com"));
        refused(e, answer, "DeleteItem");
        assertFalse(stored("kept@example.com").isEmpty());
        assertAudited("delete", "kept@example.com", answer);
    }

    @Test
    void aReadRefusedByAProxyPageSaysWhyWithExitCodeThree() {
        answer(null, Answer.PROXY_PAGE_403);
        ConsoleException e = failsClearly(() -> users.get("kept@example.com"));
        assertEquals(Problem.ACCESS_DENIED, e.problem());
        assertEquals(3, e.exitCode());
        assertTrue(e.getMessage().contains(Answer.PROXY_PAGE_403.reason), e.getMessage());
    }

    @Test
    void anImportRefusedByAnIamPolicyStopsAndSaysSoOnceNotAsUnknown() {
        answer(null, Answer.IAM_DENIAL_403);
        List<ImportRow> rows = List.of(
                new ImportRow(2, "one@example.com", "One", "Row", "password-1", null, null),
                new ImportRow(3, "two@example.com", "Two", "Row", "password-2", null, null));
        ConsoleException e = failsClearly(() -> users.importUsers(rows.iterator(), false,
                new ImportProgress(rows.size())));
        assertEquals(Problem.ACCESS_DENIED, e.problem());
        assertTrue(e.getMessage().startsWith("Access denied: these credentials (arn:aws:iam::123456789012:user/ops)"
                + " may not perform dynamodb:"), e.getMessage());
        assertTrue(e.getMessage().endsWith(" on table " + table + ". Nothing was written."), e.getMessage());
        assertTrue(stored("one@example.com").isEmpty() && stored("two@example.com").isEmpty());
        List<Map<String, Object>> audited = audit().stream()
                .filter(r -> "import-row".equals(r.get("action"))).toList();
        assertFalse(audited.isEmpty());
        audited.forEach(r -> assertEquals("ACCESS_DENIED", r.get("problem"), r.toString()));
    }

    @Test
    void aServerErrorMayHaveBeenAppliedSoItIsCheckedAndSaidSo() {
        proxy.answer("PutItem", 503, "text/plain", "Service Unavailable");
        ConsoleException e = failsClearly(this::insertNew);
        assertEquals(Problem.UNREACHABLE, e.problem());
        assertTrue(e.getMessage().contains("answered the insert with a server error (HTTP 503); checked: user"
                + " new@example.com was not created."), e.getMessage());
        assertTrue(stored("new@example.com").isEmpty());
        assertAudited("insert", "new@example.com", "failed", "UNREACHABLE");
    }

    private Written insertNew() {
        return users.insert(new NewUser("new@example.com", "New", "User", "password-1"));
    }

    private static void refused(ConsoleException e, Answer answer, String operation) {
        assertEquals(answer.problem, e.problem(), e.getMessage());
        assertEquals(3, e.exitCode());
        String message = e.getMessage();
        assertTrue(message.contains(String.format(answer.reason, operation)), message);
        assertTrue(message.endsWith(" Nothing was written."), message);
        assertFalse(message.contains("did not answer") || message.contains("checked") || message.contains("unknown"),
                message);
        assertTrue(message.codePoints().noneMatch(cp -> cp < 0x20 || cp == 0x7f || cp == 0x202e), message);
    }

    private void assertAudited(String action, String email, Answer answer) {
        assertAudited(action, email, answer.problem == Problem.ACCESS_DENIED ? "refused" : "failed",
                answer.problem.name());
    }

    /** Exactly one audit line for the attempt, with this outcome and problem. */
    private void assertAudited(String action, String email, String outcome, String problem) {
        List<Map<String, Object>> lines = audit().stream()
                .filter(r -> action.equals(r.get("action")) && email.equals(r.get("email"))).toList();
        assertEquals(1, lines.size(), lines.toString());
        assertEquals(outcome, lines.get(0).get("outcome"), lines.toString());
        assertEquals(problem, lines.get(0).get("problem"), lines.toString());
        assertTrue(Set.of("refused", "failed").contains(outcome));
    }

    private List<Map<String, Object>> audit() {
        Path file = settingsThrough(proxy.endpoint(), table).auditLog();
        return AuditLines.read(file).stream().filter(r -> table.equals(r.get("table"))).toList();
    }

    private Map<String, AttributeValue> stored(String email) {
        return raw.getItem(b -> b.tableName(table).key(Map.of(User.EMAIL, AttributeValue.fromS(email)))
                .consistentRead(true)).item();
    }
}
