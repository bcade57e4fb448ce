package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.users.User;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What Read users shows, without a screen: the filter's streamed matches, the sort, the marks, the counts. */
class BrowserModelTest {
    private final BrowserModel model = new BrowserModel(100, 5, 3);

    private static User user(String email, String first) {
        return new User(email, first, "L", "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z");
    }

    private static List<String> emails(List<User> users) {
        return users.stream().map(User::emailAddress).toList();
    }

    @Test
    void matchesStreamInAndWhatAnOlderSearchSendsIsIgnored() {
        assertTrue(model.filterText("corp").isPresent());
        assertTrue(model.filtering());
        int old = model.results().start();
        int search = model.results().start();
        assertFalse(model.results().add(old, List.of(user("old@corp.example", "Old")), 10, false));
        assertTrue(model.results().add(search, List.of(user("b@corp.example", "Bea")), 40, false));
        assertEquals("1 match in 40 users, still searching...", model.summary());
        assertFalse(model.results().add(search, List.of(), 80, true), "nothing new to draw");
        assertEquals("1 match in 80 users, throttled, waiting...", model.summary());
        model.results().add(search, List.of(user("a@corp.example", "Al"), user("c@corp.example", "Cy")), 120, false);
        assertFalse(model.results().finish(old, "; 9 read units"));
        assertTrue(model.results().finish(search, "; 1.5 read units"));
        assertEquals("3 matches in 120 users (the first 3; narrow the filter); 1.5 read units", model.summary());
        assertEquals(List.of("b@corp.example", "a@corp.example", "c@corp.example"), emails(model.rows()));
        assertEquals(3, model.heldUsers());
    }

    @Test
    void aFilterThatIsNotAQueryYetSaysWhereAndMarksNothing() {
        assertTrue(model.filterText("locked:perhaps").isEmpty());
        assertTrue(model.summary().startsWith("filter: at column 8, locked: is yes or no"), model.summary());
        assertTrue(model.markEveryMatch().orElseThrow().startsWith("The filter is not a query yet: filter: at column 8"));
        assertTrue(model.marks().isEmpty());
        assertTrue(model.filterText("locked:yes").isPresent());
        model.results().start();
        assertEquals("0 matches in 0 users, still searching...", model.summary(), "the reason goes with the error");
    }

    @Test
    void rowsSortByEachColumnInTurnEitherWayWithinWhatIsShown() {
        model.filterText("x");
        int search = model.results().start();
        model.results().add(search, List.of(user("b@x.example", "Zed"), user("a@x.example", "Yan"),
                user("c@x.example", "Xia")), 3, false);
        model.nextSortColumn();
        assertEquals(List.of("a@x.example", "b@x.example", "c@x.example"), emails(model.rows()));
        model.reverseOrder();
        assertEquals(List.of("c@x.example", "b@x.example", "a@x.example"), emails(model.rows()));
        assertTrue(model.summary().endsWith(", sorted by email (descending) within these rows"), model.summary());
        model.nextSortColumn();
        model.reverseOrder();
        assertEquals(List.of("c@x.example", "a@x.example", "b@x.example"), emails(model.rows()), "by first name");
        for (int i = 0; i < BrowserModel.COLUMNS.length - 1; i++) {
            model.nextSortColumn();
        }
        assertEquals(-1, model.sortColumn(), "after the last column: the table's own order");
        assertEquals(List.of("b@x.example", "a@x.example", "c@x.example"), emails(model.rows()));
    }

    @Test
    void rowsAreMarkedOneByOneOrEveryMatchAndAChangedFilterDropsEveryMatch() {
        model.filterText("x");
        int search = model.results().start();
        model.results().add(search, List.of(user("a@x.example", "A"), user("b@x.example", "B")), 2, false);
        model.rows();
        assertTrue(model.toggleMark(1));
        assertFalse(model.toggleMark(7), "no row 7");
        assertTrue(model.summary().endsWith("; 1 marked (b acts on them)"), model.summary());
        assertEquals(List.of("b@x.example"), emails(model.marks().users()));
        assertEquals(Optional.empty(), model.markEveryMatch());
        assertFalse(model.toggleMark(0), "every match is marked: one by one is refused");
        assertTrue(model.summary().endsWith("; every match marked (b acts on them)"), model.summary());
        model.filterText("xy");
        assertTrue(model.marks().isEmpty(), "every match meant the old filter's matches");
    }
}
