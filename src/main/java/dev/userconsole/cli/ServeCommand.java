package dev.userconsole.cli;

import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;
import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.LocalService;
import dev.userconsole.users.WriteGuard;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run DynamoDB Local as a server on 127.0.0.1 only (shared database, no telemetry),"
                + " for other programs and tests. Stops on Ctrl-C or SIGTERM.",
                "Keeps its data in the data directory (the same store the embedded mode uses) unless --in-memory."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    UserConsoleCommand root;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000",
            description = "Port to listen on, or 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--in-memory", description = "Keep nothing on disk.")
    boolean inMemory;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = root.settings(true);
        if (settings.readOnly()) {
            // DynamoDB Local has no read-only mode: whatever connects could write
            throw WriteGuard.readOnlyRefusal("serve (it would let other programs write)");
        }
        if (port < 0 || port > 65535) {
            throw new ConsoleException(Problem.INVALID_INPUT, "--port must be from 0 to 65535.");
        }
        Target.Embedded embedded = (Target.Embedded) settings.target();
        LocalService server = inMemory ? LocalService.inMemory(port)
                : LocalService.onDisk(port, embedded.dataDir(), embedded.ownerOnly());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "stop-dynamodb-local"));
        root.io().out().println("DynamoDB Local listening on " + server.endpoint()
                + (inMemory ? " (in memory)" : " (data in " + embedded.dataDir() + ")"));
        root.io().out().flush();
        stopped.await();
        return 0;
    }
}
