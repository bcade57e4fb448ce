package dev.userconsole.users.audit;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name, read once: from the kernel on Linux (no DNS lookup), else from Java. */
final class Host {
    private static final String NAME = lookUp();

    private Host() {
    }

    static String name() {
        return NAME;
    }

    private static String lookUp() {
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask Java below
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
