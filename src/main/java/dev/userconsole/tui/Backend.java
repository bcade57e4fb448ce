package dev.userconsole.tui;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import dev.userconsole.users.UserController;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs slow work (connecting, hashing, every database call) off the UI thread, one job at a time, and
 * hands results back to the UI thread. The screen never waits on the database.
 */
final class Backend implements AutoCloseable {

    /** Where results go: the UI thread's queue. */
    interface UiThread {
        void post(Runnable task);
    }

    private final Supplier<UserController> opener;
    private final UiThread ui;
    private final Consumer<String> busyListener;
    private final ExecutorService worker = singleThread("user-console-database");
    private final ExecutorService searcher = singleThread("user-console-search");
    /** Replaced by {@link #reconnect} on the database thread; read by both threads. */
    private volatile CompletableFuture<UserController> controller;
    private int running;

    /**
     * @param busyListener told (on the UI thread) what is running, or {@code null} when nothing is
     */
    Backend(Supplier<UserController> opener, UiThread ui, Consumer<String> busyListener) {
        this.opener = opener;
        this.ui = ui;
        this.busyListener = busyListener;
    }

    /** Starts connecting (for the embedded database: starting it) without waiting. */
    void start(Consumer<ConsoleException> onFailure) {
        controller = CompletableFuture.supplyAsync(opener, worker);
        run("Connecting", c -> c, c -> { }, onFailure);
    }

    /**
     * Opens another connection on the database thread, after the work queued before it, and checks that it
     * answers (DescribeTable; a missing table is an answer). Only then is the old one closed and replaced:
     * a connection that fails leaves the current one in place, and {@code onFailure} says why.
     */
    void reconnect(Supplier<UserController> next, Runnable onDone, Consumer<ConsoleException> onFailure) {
        running++;
        busyListener.accept("Connecting");
        worker.execute(() -> {
            try {
                UserController opened = next.get();
                try {
                    opened.describeTable();
                } catch (RuntimeException e) {
                    opened.close();
                    throw e;
                }
                CompletableFuture<UserController> previous = controller;
                controller = CompletableFuture.completedFuture(opened);
                closeQuietly(previous);
                ui.post(() -> {
                    finished();
                    onDone.run();
                });
            } catch (RuntimeException | Error e) {
                ConsoleException failure = explain(e);
                ui.post(() -> {
                    finished();
                    onFailure.accept(failure);
                });
            }
        });
    }

    private static void closeQuietly(CompletableFuture<UserController> previous) {
        if (previous != null && previous.isDone() && !previous.isCompletedExceptionally()) {
            try {
                previous.join().close();
            } catch (RuntimeException e) {
                log().warn("Closing the previous connection failed", e);
            }
        }
    }

    private static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code work} on the database thread; exactly one of the callbacks then runs on the UI thread. */
    <T> void run(String task, Function<UserController, T> work, Consumer<T> onDone,
                 Consumer<ConsoleException> onFailure) {
        submit(worker, task, work, onDone, onFailure);
    }

    /**
     * Like {@link #run}, but beside the database thread rather than in its queue: for a long scan, so the
     * user can act on what it has found while it goes on. Searches still run one at a time.
     */
    <T> void runBeside(String task, Function<UserController, T> work, Consumer<T> onDone,
                       Consumer<ConsoleException> onFailure) {
        submit(searcher, task, work, onDone, onFailure);
    }

    /** Hands {@code task} to the UI thread, from any thread. */
    void post(Runnable task) {
        ui.post(task);
    }

    private <T> void submit(ExecutorService executor, String task, Function<UserController, T> work,
                            Consumer<T> onDone, Consumer<ConsoleException> onFailure) {
        running++;
        busyListener.accept(task);
        executor.execute(() -> {
            try {
                T result = work.apply(connected());
                ui.post(() -> {
                    finished();
                    onDone.accept(result);
                });
            } catch (RuntimeException | Error e) {
                ConsoleException failure = explain(e);
                ui.post(() -> {
                    finished();
                    onFailure.accept(failure);
                });
            }
        });
    }

    /** The controller once connected, without waiting for it. */
    Optional<UserController> ifConnected() {
        return controller != null && controller.isDone() && !controller.isCompletedExceptionally()
                ? Optional.of(controller.join()) : Optional.empty();
    }

    boolean isBusy() {
        return running > 0;
    }

    private UserController connected() {
        try {
            return controller.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void finished() {
        running--;
        busyListener.accept(running > 0 ? "Working" : null);
    }

    private static ConsoleException explain(Throwable e) {
        if (e instanceof ConsoleException known) {
            return known;
        }
        log().error("Unexpected failure in the console", e);
        return new ConsoleException(Problem.DATABASE_ERROR,
                "Something unexpected went wrong (" + e.getClass().getSimpleName() + "); the details are in the log file.",
                e);
    }

    @Override
    public void close() {
        searcher.shutdownNow();
        worker.shutdownNow();
        try {
            searcher.awaitTermination(5, TimeUnit.SECONDS);
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (controller != null && controller.isDone() && !controller.isCompletedExceptionally()) {
            controller.join().close();
        }
    }

    /** Looked up only when needed: SLF4J's own start stays off the way to the first frame. */
    private static Logger log() {
        return LoggerFactory.getLogger(Backend.class);
    }
}
