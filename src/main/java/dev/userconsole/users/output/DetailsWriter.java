package dev.userconsole.users.output;

import dev.userconsole.text.VisibleText;
import dev.userconsole.users.UserDetails;
import java.io.PrintWriter;

/**
 * One account for people: every attribute on its own line (name, type unless a string, value), an
 * instant's UTC and local time on the lines below it.
 */
public final class DetailsWriter {
    private static final int MAX_NAME = 24;
    private static final String GAP = "  ";

    private final PrintWriter out;

    public DetailsWriter(PrintWriter out) {
        this.out = out;
    }

    public void write(UserDetails details) {
        int name = Math.min(MAX_NAME, Math.max("attribute".length(), details.attributes().stream()
                .mapToInt(a -> VisibleText.width(a.name())).max().orElse(0)));
        int type = 4;
        String indent = " ".repeat(name + type + 2 * GAP.length());
        out.println(VisibleText.fit("attribute", name) + GAP + VisibleText.fit("type", type) + GAP + "value");
        for (UserDetails.Attribute attribute : details.attributes()) {
            out.println((VisibleText.fit(attribute.name(), name) + GAP + VisibleText.fit(attribute.type(), type) + GAP
                    + attribute.value()).stripTrailing());
            if (attribute.time() != null) {
                out.println(indent + "UTC    " + attribute.time().utc());
                out.println(indent + "local  " + attribute.time().local());
            }
        }
        out.flush();
    }
}
