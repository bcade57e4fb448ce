package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.users.User;
import dev.userconsole.users.query.Query;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The browser's marks, without a screen: one by one, or every match of a query. */
class MarksTest {
    private static User user(String email) {
        return new User(email, "F", "L", null, null);
    }

    @Test
    void usersAreMarkedOneByOneInOrderAndUnmarkedAgain() {
        Marks marks = new Marks();
        assertTrue(marks.isEmpty());
        assertEquals("", marks.summary());
        assertTrue(marks.toggle(user("b@example.com")));
        assertTrue(marks.toggle(user("a@example.com")));
        assertEquals(List.of("b@example.com", "a@example.com"), marks.users().stream().map(User::emailAddress).toList());
        assertEquals("2 marked", marks.summary());
        assertTrue(marks.toggle(user("b@example.com")));
        assertEquals("1 marked", marks.summary());
        assertTrue(marks.contains(user("a@example.com")));
        assertFalse(marks.contains(user("b@example.com")));
        marks.clear();
        assertTrue(marks.isEmpty());
    }

    @Test
    void everyMatchOfAQueryReplacesTheMarksUntilTheFilterChanges() {
        Marks marks = new Marks();
        marks.toggle(user("a@example.com"));
        Query corp = Query.parse("domain:corp.example");
        marks.markEveryMatch(corp);
        assertEquals(Optional.of(corp), marks.everyMatch());
        assertEquals(List.of(), marks.users(), "every match instead of those marked so far");
        assertEquals("every match marked", marks.summary());
        assertTrue(marks.contains(user("anyone@corp.example")), "every row the filter shows is marked");
        assertFalse(marks.toggle(user("x@corp.example")), "one by one does not mix with every match");
        marks.filterChanged();
        assertTrue(marks.isEmpty(), "every match of the old filter is no longer what the screen shows");
        marks.markEveryMatch(Query.ALL);
        assertEquals("every user marked", marks.summary());
    }
}
