package dev.userconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the user is told from an access denial's message, in the forms AWS and IAM-enforcing endpoints use. */
class AccessDenialTest {

    @Test
    void anAssumedRoleDeniedOnAnIndexIsToldTheTableTheIndexBelongsTo() {
        AccessDenial denial = AccessDenial.of("User: arn:aws:sts::123456789012:assumed-role/Support/jane is not"
                + " authorized to perform: dynamodb:Query on resource: arn:aws:dynamodb:eu-west-1:123456789012:"
                + "table/Users/index/byName with an explicit deny in an identity-based policy").orElseThrow();
        assertEquals("Access denied: these credentials (arn:aws:sts::123456789012:assumed-role/Support/jane) may not"
                + " perform dynamodb:Query on table Users.", denial.sentence("Other"));
    }

    @Test
    void aMessageWithoutAResourceNamesTheTableTheCallWasAbout() {
        AccessDenial denial = AccessDenial.of("User: arn:aws:iam::123456789012:user/ops is not authorized to perform:"
                + " dynamodb:PutItem").orElseThrow();
        assertEquals("Access denied: these credentials (arn:aws:iam::123456789012:user/ops) may not perform"
                + " dynamodb:PutItem on table User.", denial.sentence("User"));
    }

    @Test
    void aDenialThatNamesNoActionIsNotGuessed() {
        assertTrue(AccessDenial.of("The security token included in the request is invalid.").isEmpty());
        assertTrue(AccessDenial.of(null).isEmpty());
    }

    @Test
    void whatTheAnswerSaysIsShownWithoutControlCharacters() {
        AccessDenial denial = AccessDenial.of("User: arn:aws:iam::1:user/\u001b]0;owned\u0007 is not authorized to"
                + " perform: dynamodb:GetItem").orElseThrow();
        assertTrue(denial.sentence("User").codePoints().noneMatch(cp -> cp < 0x20), denial.sentence("User"));
    }
}
