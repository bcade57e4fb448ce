package dev.userconsole.users;

import java.util.Optional;

/**
 * A write that took effect.
 *
 * @param note set when DynamoDB's answer was lost and the outcome was found by checking: a sentence
 *             saying so, for the faces to show beside the result
 */
public record Written(User user, Optional<String> note) {

    static Written answered(User user) {
        return new Written(user, Optional.empty());
    }

    static Written checked(User user, String note) {
        return new Written(user, Optional.of(note));
    }
}
