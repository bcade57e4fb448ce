package dev.userconsole.store;

import dev.userconsole.text.VisibleText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A complete HTTP error answer, as the user is told about it: its error code and message when it has them
 * (DynamoDB's JSON as the SDK parsed it, or the XML an IAM denial comes back as), else its status and what
 * its body looked like. Whoever answered (a proxy, a wrong address) chose those bytes: they are shown
 * shortened, with control characters as visible escapes, and anything shaped like a bcrypt hash hidden.
 */
record ErrorAnswer(int status, String code, String message, String contentType, String body) {
    private static final int MAX_MESSAGE = 200;
    private static final int MAX_SAMPLE = 60;
    private static final Pattern XML_CODE = Pattern.compile("<Code>\\s*([^<]{1,100}?)\\s*</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>\\s*([^<]{0,4000}?)\\s*</Message>");
    private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{20,}");

    static ErrorAnswer of(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String message = details == null ? null : details.errorMessage();
        String body = details == null || details.rawResponse() == null ? "" : details.rawResponse().asUtf8String();
        String contentType = details == null || details.sdkHttpResponse() == null ? null
                : details.sdkHttpResponse().firstMatchingHeader("Content-Type").orElse(null);
        if (code == null) {
            code = first(XML_CODE, body);
            message = code == null ? null : first(XML_MESSAGE, body);
        }
        return new ErrorAnswer(e.statusCode(), code, message, contentType, body);
    }

    /** A complete answer of status 4xx: the request was refused, so it was not applied, whatever the body. */
    boolean refused() {
        return status >= 400 && status < 500;
    }

    /** Whether the answer names its error: it came from DynamoDB, or from something that speaks AWS errors. */
    boolean hasCode() {
        return code != null;
    }

    /**
     * "AccessDenied: User ... is not authorized to perform: dynamodb:PutItem", or "HTTP 403 with a 112-character
     * text/html body: "<html>..."".
     */
    String reason() {
        if (code != null) {
            return message == null || message.isBlank() ? visible(code, MAX_MESSAGE)
                    : visible(code, MAX_MESSAGE) + ": " + visible(message, MAX_MESSAGE);
        }
        return "HTTP " + status + " with " + looks();
    }

    private String looks() {
        if (body.isEmpty()) {
            return "an empty body";
        }
        String type = contentType == null ? "" : " " + visible(contentType, 40);
        return "a " + body.length() + "-character" + type + " body: \"" + visible(body, MAX_SAMPLE) + "\"";
    }

    /** Whitespace runs made one space, cut at {@code max} characters, escaped, hashes hidden. */
    private static String visible(String text, int max) {
        String oneLine = BCRYPT_HASH.matcher(text.strip()).replaceAll("(a password hash)").replaceAll("\\s+", " ");
        String cut = oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
        return VisibleText.of(cut);
    }

    private static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : null;
    }
}
