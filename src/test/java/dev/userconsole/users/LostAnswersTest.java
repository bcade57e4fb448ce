package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.store.CapacityMeter;
import dev.userconsole.store.SdkErrors;
import dev.userconsole.testing.LocalDynamoDb;
import java.net.ConnectException;
import java.net.SocketException;
import java.security.cert.CertificateException;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class LostAnswersTest {

    private static SdkException failed(Throwable cause, int attempts) {
        return SdkClientException.builder().message("failed").cause(cause).numAttempts(attempts).build();
    }

    /** An earlier attempt as the SDK records it: a message, no cause. */
    private static SdkException attemptRecord(String message) {
        return SdkClientException.create("Request attempt 1 failure: " + message);
    }

    @Test
    void aConnectionThatWasNeverMadeCarriedNoWrite() {
        SdkException refused = failed(new ConnectException("Connection refused"), 3);
        refused.addSuppressed(attemptRecord("Unable to execute HTTP request: Connection refused"));
        refused.addSuppressed(attemptRecord("Unable to execute HTTP request: Connection refused"));
        assertFalse(LostAnswers.mayHaveApplied(refused));
    }

    @Test
    void aServerCertificateRefusedHereCarriedNoWriteButAnotherHandshakeFailureMayHave() {
        // as the JDK raises it: the validator's CertificateException under the handshake's exception
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed: unable to find valid"
                + " certification path to requested target");
        untrusted.initCause(new CertificateException("unable to find valid certification path to requested target"));
        SdkException refused = failed(untrusted, 3);
        refused.addSuppressed(attemptRecord("Unable to execute HTTP request: PKIX path building failed:"
                + " sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path"));
        refused.addSuppressed(attemptRecord("Unable to execute HTTP request: No subject alternative DNS name matching"
                + " db.example found."));
        assertFalse(LostAnswers.mayHaveApplied(refused));

        SdkException cut = failed(new SSLException("Connection reset"), 1);
        assertTrue(LostAnswers.mayHaveApplied(cut), "a TLS connection cut after the handshake may have carried it");
        SdkException afterCut = failed(untrusted, 2);
        afterCut.addSuppressed(attemptRecord("Unable to execute HTTP request: Connection reset"));
        assertTrue(LostAnswers.mayHaveApplied(afterCut));
    }

    @Test
    void aResetConnectionMayHaveCarriedTheWrite() {
        assertTrue(LostAnswers.mayHaveApplied(failed(new SocketException("Connection reset"), 1)));
    }

    @Test
    void anEarlierAttemptThatLostItsAnswerCounts() {
        SdkException last = failed(new ConnectException("Connection refused"), 2);
        last.addSuppressed(attemptRecord("Unable to unmarshall response (java.net.SocketException: Connection reset)."
                + " Response Code: 200, Response Text: OK"));
        assertTrue(LostAnswers.mayHaveApplied(last));
        assertTrue(LostAnswers.earlierAttemptMayHaveApplied(last));
    }

    @Test
    void anEarlierAttemptWithoutARecordCounts() {
        assertTrue(LostAnswers.mayHaveApplied(failed(new ConnectException("Connection refused"), 2)));
    }

    @Test
    void serverErrorsMayHaveBeenAppliedAndRefusalsWereNot() {
        assertTrue(LostAnswers.mayHaveApplied(DynamoDbException.builder().statusCode(500).numAttempts(1).build()));
        assertFalse(LostAnswers.mayHaveApplied(DynamoDbException.builder().statusCode(400).numAttempts(1)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build()));
    }

    @Test
    void aCompleteRefusalWasNotAppliedWhateverItsBody() {
        // a 403 page from a proxy, or a 400 whose body was cut after its status line: no error code either way
        assertFalse(LostAnswers.mayHaveApplied(DynamoDbException.builder().statusCode(403).numAttempts(1).build()));
        assertFalse(LostAnswers.mayHaveApplied(DynamoDbException.builder().statusCode(400).numAttempts(1).build()));
        assertTrue(LostAnswers.mayHaveApplied(DynamoDbException.builder().statusCode(503).numAttempts(1).build()));
    }

    @Test
    void earlierAttemptsAnsweredWithARefusalWereNotApplied() {
        SdkException last = DynamoDbException.builder().statusCode(400).numAttempts(3)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();
        last.addSuppressed(attemptRecord("Rate exceeded (Service: DynamoDb, Status Code: 400, Request ID: r1)"));
        last.addSuppressed(attemptRecord("Rate exceeded (Service: DynamoDb, Status Code: 400, Request ID: r2)"));
        assertFalse(LostAnswers.mayHaveApplied(last));

        SdkException afterServerError = DynamoDbException.builder().statusCode(400).numAttempts(2)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();
        afterServerError.addSuppressed(attemptRecord("Service returned HTTP status code 503 (Service: DynamoDb,"
                + " Status Code: 503, Request ID: r1)"));
        assertTrue(LostAnswers.mayHaveApplied(afterServerError));
    }

    @Test
    void aConditionFailureWithoutTheItemReadsItBackAsEnginesSuchAsDynaliteSendNone() {
        String table = LocalDynamoDb.freshTableName();
        try (UserController users = LocalDynamoDb.controller(table); DynamoDbClient raw = LocalDynamoDb.rawClient()) {
            users.createTable(true);
            users.insert(new NewUser("there@example.com", "There", "User", "password-1"));
            LostAnswers lost = new LostAnswers(raw, table, "test", new SdkErrors("test", table), new CapacityMeter());
            // dynalite answers a failed condition without the item ReturnValuesOnConditionCheckFailure asks for
            ConditionalCheckFailedException withoutItem = ConditionalCheckFailedException.builder().message("failed")
                    .build();
            assertEquals("There", lost.conflicting(withoutItem, "there@example.com").get(User.FIRST_NAME).s());
            assertTrue(lost.conflicting(withoutItem, "absent@example.com").isEmpty());
            ConditionalCheckFailedException withItem = ConditionalCheckFailedException.builder()
                    .item(Map.of(User.FIRST_NAME, AttributeValue.fromS("Sent"))).build();
            assertEquals("Sent", lost.conflicting(withItem, "there@example.com").get(User.FIRST_NAME).s());
        }
    }
}
