package dev.userconsole.errors;

import java.util.stream.Stream;

/** An exception and the causes under it, the way each layer asks what really went wrong. */
public final class Causes {
    private Causes() {
    }

    /** {@code e}, then its cause, then that one's, to the bottom. */
    public static Stream<Throwable> of(Throwable e) {
        return Stream.iterate(e, t -> t != null, Throwable::getCause);
    }

    /** Whether {@code e} or a cause under it is a {@code type}. */
    public static boolean include(Throwable e, Class<? extends Throwable> type) {
        return of(e).anyMatch(type::isInstance);
    }
}
