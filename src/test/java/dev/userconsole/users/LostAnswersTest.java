package dev.userconsole.users;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
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
}
