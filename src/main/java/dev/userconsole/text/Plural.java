package dev.userconsole.text;

/** A count with its noun: "1 user", "2 users", "0 matches". */
public final class Plural {
    private Plural() {
    }

    public static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
