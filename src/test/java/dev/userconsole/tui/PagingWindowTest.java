package dev.userconsole.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.users.User;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Read users' paging window, without a screen or a table: pages of 3 users, at most 2 held at once. */
class PagingWindowTest {
    private final PagingWindow<String> pages = new PagingWindow<>(3, 2);

    /** Page {@code index} of a table of users u00, u01, ...: three users, the next page's cursor "c(index+1)". */
    private static List<User> page(int index) {
        return IntStream.range(index * 3, index * 3 + 3).mapToObj(i -> new User(String.format("u%02d", i), "F", "L",
                null, null)).toList();
    }

    private static List<String> emails(List<User> users) {
        return users.stream().map(User::emailAddress).toList();
    }

    private OptionalInt answer(PagingWindow.Request<String> request, boolean more) {
        int index = request.index();
        return pages.accept(request, page(index), more ? Optional.of("c" + (index + 1)) : Optional.empty());
    }

    @Test
    void scrollingDownDropsThePageAboveAndScrollingBackReadsItAgainFromItsCursor() {
        PagingWindow.Request<String> first = pages.reset();
        assertEquals(Optional.empty(), first.start());
        assertEquals("loading the first users...", pages.describe());
        assertEquals(OptionalInt.of(0), answer(first, true));
        assertEquals(Optional.empty(), pages.wanted(0, 1), "far from either edge: nothing to read");

        PagingWindow.Request<String> second = pages.wanted(2, 1).orElseThrow();
        assertEquals(Optional.of("c1"), second.start());
        assertEquals(Optional.empty(), pages.wanted(5, 1), "one read at a time");
        assertEquals("users 1-3, more as you scroll, loading...", pages.describe());
        assertEquals(OptionalInt.of(0), answer(second, true));
        PagingWindow.Request<String> third = pages.wanted(5, 1).orElseThrow();
        assertEquals(OptionalInt.of(-3), answer(third, true), "the first page went: the selection moves up 3 rows");
        assertEquals(List.of("u03", "u04", "u05", "u06", "u07", "u08"), emails(pages.rows()));
        assertEquals("users 4-9, more as you scroll", pages.describe());

        PagingWindow.Request<String> back = pages.wanted(0, 1).orElseThrow();
        assertEquals(0, back.index());
        assertEquals(Optional.empty(), back.start());
        assertEquals(OptionalInt.of(3), answer(back, true), "a page above: the selection moves down 3 rows");
        assertEquals(List.of("u00", "u01", "u02", "u03", "u04", "u05"), emails(pages.rows()));
        assertEquals(6, pages.loadedRows(), "never more than two pages held");
    }

    @Test
    void theLastPageIsKnownFromItsMissingCursorOrAnEmptyPageAfterAFullOne() {
        assertEquals(OptionalInt.of(0), answer(pages.reset(), false));
        assertEquals("3 users (all loaded)", pages.describe());
        assertEquals(Optional.empty(), pages.wanted(2, 1), "nothing below the last page");

        answer(pages.reset(), true);
        PagingWindow.Request<String> next = pages.wanted(2, 1).orElseThrow();
        assertEquals(OptionalInt.of(0), pages.accept(next, List.of(), Optional.empty()));
        assertEquals("3 users (all loaded)", pages.describe(), "the page before the empty one was the last");
    }

    @Test
    void aPageAskedForBeforeAReloadIsDroppedAndAFailedReadEndsTheListing() {
        PagingWindow.Request<String> old = pages.reset();
        PagingWindow.Request<String> fresh = pages.reset();
        assertTrue(answer(old, true).isEmpty(), "the old listing's page is dropped");
        assertEquals(0, pages.loadedRows());
        answer(fresh, true);
        PagingWindow.Request<String> next = pages.wanted(2, 1).orElseThrow();
        pages.failed(next);
        assertEquals("3 users (all loaded)", pages.describe(), "what is held is all there is until a reload");
        assertEquals(Optional.empty(), pages.wanted(2, 1));
    }
}
