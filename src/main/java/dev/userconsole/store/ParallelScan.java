package dev.userconsole.store;

import dev.userconsole.errors.ConsoleException;
import dev.userconsole.errors.Problem;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * A scan of every page, lazily, optionally split into segments that are read in parallel (DynamoDB's
 * parallel scan). Pages pass through a small bounded queue, so memory stays at a few pages whatever
 * the table's size; items come in no particular order across segments.
 */
public final class ParallelScan {
    private static final int PAGES_IN_FLIGHT_PER_SEGMENT = 2;

    private final DynamoDbClient client;
    private final SdkErrors errors;
    private final Supplier<Pacer> pacer;
    private final CapacityMeter meter;

    public ParallelScan(DynamoDbClient client, SdkErrors errors) {
        this(client, errors, unlimited(), new CapacityMeter());
    }

    /**
     * @param pacer the connection's read pacer: pages wait for their turn, and a throttled page waits and is
     *              asked again (each request has its own call timeout; a scan has none)
     */
    public ParallelScan(DynamoDbClient client, SdkErrors errors, Supplier<Pacer> pacer, CapacityMeter meter) {
        this.client = client;
        this.errors = errors;
        this.pacer = pacer;
        this.meter = meter;
    }

    private static Supplier<Pacer> unlimited() {
        Pacer pacer = Pacer.unlimited();
        return () -> pacer;
    }

    /** Every page of the request, in order, each asked for as the iterator gets to it. */
    private Iterable<ScanResponse> sequentialPages(ScanRequest request) {
        return () -> new Iterator<>() {
            private Map<String, AttributeValue> startKey;
            private boolean last;

            @Override
            public boolean hasNext() {
                return !last;
            }

            @Override
            public ScanResponse next() {
                if (last) {
                    throw new NoSuchElementException();
                }
                ScanResponse page = page(request.toBuilder().exclusiveStartKey(startKey).build());
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey() : null;
                last = startKey == null;
                return page;
            }
        };
    }

    /**
     * One page, paced; asked again after throttling until it is answered or the scan is stopped. For the
     * console's paging as for every page of a scan.
     */
    public ScanResponse page(ScanRequest request) {
        Pacer pacer = this.pacer.get();
        while (true) {
            double reserved = pacer.turn("scanning");
            try {
                ScanResponse page = client.scan(request.toBuilder()
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
                Double units = page.consumedCapacity() == null ? null : page.consumedCapacity().capacityUnits();
                pacer.answered(reserved, units);
                meter.read(units, page.scannedCount() == null ? page.count() : page.scannedCount(), page.count());
                return page;
            } catch (SdkException e) {
                ConsoleException translated = errors.translate(e);
                if (translated.problem() != Problem.THROTTLED) {
                    throw translated;
                }
                pacer.throttled(reserved);
                if (Thread.currentThread().isInterrupted()) {
                    throw translated;
                }
            }
        }
    }

    /** Every item the request selects; with {@code segments} &gt; 1, read by that many threads. */
    public Stream<Map<String, AttributeValue>> items(ScanRequest request, int segments) {
        return pages(request, segments).flatMap(page -> page.items().stream());
    }

    /**
     * Every page the request reads, each with the items it kept and the count it evaluated (with a
     * FilterExpression a page may keep none: a search still learns how far the scan got, and can stop).
     */
    public Stream<ScanResponse> pages(ScanRequest request, int segments) {
        if (segments <= 1) {
            return stream(sequentialPages(request).iterator());
        }
        Segments parallel = new Segments(request, segments);
        return stream(parallel).onClose(parallel::stop);
    }

    private static <T> Stream<T> stream(Iterator<T> items) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items,
                Spliterator.NONNULL), false);
    }

    /** One reader thread per segment, all feeding one queue of pages. */
    private final class Segments implements Iterator<ScanResponse> {
        private final BlockingQueue<Object> pages;
        private final ExecutorService readers;
        private final int segments;
        private int finished;
        private ScanResponse current;

        Segments(ScanRequest request, int segments) {
            this.segments = segments;
            this.pages = new ArrayBlockingQueue<>(segments * PAGES_IN_FLIGHT_PER_SEGMENT + segments);
            this.readers = Executors.newFixedThreadPool(segments, r -> {
                Thread thread = new Thread(r, "scan-segment");
                thread.setDaemon(true);
                return thread;
            });
            for (int segment = 0; segment < segments; segment++) {
                ScanRequest part = request.toBuilder().segment(segment).totalSegments(segments).build();
                readers.execute(() -> read(part));
            }
        }

        private void read(ScanRequest part) {
            Object end = Boolean.TRUE;
            try {
                for (ScanResponse page : sequentialPages(part)) {
                    pages.put(page);
                }
            } catch (SdkException e) {
                end = errors.translate(e);
            } catch (IllegalStateException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                end = e;
            } catch (RuntimeException e) {
                end = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                pages.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean hasNext() {
            while (current == null) {
                if (finished == segments) {
                    readers.shutdown();
                    return false;
                }
                Object next;
                try {
                    next = pages.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop();
                    throw new IllegalStateException("interrupted while scanning", e);
                }
                if (next instanceof RuntimeException failure) {
                    stop();
                    throw failure;
                }
                if (next == Boolean.TRUE) {
                    finished++;
                } else {
                    current = (ScanResponse) next;
                }
            }
            return true;
        }

        @Override
        public ScanResponse next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ScanResponse page = current;
            current = null;
            return page;
        }

        void stop() {
            readers.shutdownNow();
            try {
                readers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
