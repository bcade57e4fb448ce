package dev.userconsole.store;

import dev.userconsole.text.VisibleText;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an access denial's message says was refused: DynamoDB's own ("User: arn:... is not authorized to
 * perform: dynamodb:DeleteItem on resource: arn:aws:dynamodb:us-east-1:123:table/User because ...") or
 * the XML an IAM-enforcing endpoint answers with, which may name no resource.
 *
 * @param principal the ARN of who was refused, {@code null} when the message does not say
 * @param action "dynamodb:DeleteItem"
 * @param table the table named in the resource ARN, {@code null} when the message names none
 */
record AccessDenial(String principal, String action, String table) {
    private static final Pattern ACTION = Pattern.compile("not authorized to perform:?\\s+([A-Za-z0-9-]+:[A-Za-z0-9*]+)");
    private static final Pattern PRINCIPAL = Pattern.compile("User:\\s+(arn:[^\\s]{1,200}?)\\s+is not authorized");
    private static final Pattern TABLE = Pattern.compile("on resource:?\\s+arn:[^\\s:]+:dynamodb:[^\\s:]*:[^\\s:]*:table/([A-Za-z0-9_.-]{1,255})");

    /** The denial the message describes; empty when it names no action. */
    static Optional<AccessDenial> of(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher action = ACTION.matcher(message);
        if (!action.find()) {
            return Optional.empty();
        }
        return Optional.of(new AccessDenial(group(PRINCIPAL, message), action.group(1), group(TABLE, message)));
    }

    /**
     * "Access denied: these credentials (arn:aws:iam::123:user/ops) may not perform dynamodb:DeleteItem on
     * table User." The table the call was about stands in where the message names none.
     */
    String sentence(String calledTable) {
        String who = principal == null ? "" : " (" + VisibleText.of(principal) + ")";
        return "Access denied: these credentials" + who + " may not perform " + VisibleText.of(action)
                + " on table " + VisibleText.of(table == null ? calledTable : table) + ".";
    }

    private static String group(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
