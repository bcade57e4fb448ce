package dev.userconsole.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The engine's own CPU time per new item for each way of writing it, with the plain SDK and none of
 * the console's code: the unconditional BatchWriteItem of the import baseline, and the three
 * single-item conditional writes that never overwrite (PartiQL INSERT in BatchExecuteStatement,
 * PutItem with attribute_not_exists, TransactWriteItems of conditional puts). Read from
 * /proc/PID/stat of the engine's process, so it shows the cost the engine itself puts on a machine it
 * shares with its client, whatever the client does.
 */
final class WriteForms {
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final int THREADS = 8;
    static final String PARTIQL = "PartiQL INSERT, 25 per BatchExecuteStatement";

    private final DynamoDbClient client;
    private final long serverPid;

    WriteForms(DynamoDbClient client, long serverPid) {
        this.client = client;
        this.serverPid = serverPid;
    }

    /** What writing some new items cost: the engine's CPU seconds, and the wall-clock seconds. */
    record Cost(double engineCpu, double wall) { }

    /** The cost of {@code count} new items, by form, in the order measured. */
    Map<String, Cost> byForm(int count) {
        Map<String, Cost> seconds = new LinkedHashMap<>();
        seconds.put("BatchWriteItem (unconditional)", measure(count, (table, range) ->
                Bench.batchWriteRange(client, table, "form", range[0], range[1])));
        seconds.put(PARTIQL, insertStatements(count));
        seconds.put("PutItem with attribute_not_exists", measure(count, this::conditionalPuts));
        seconds.put("TransactWriteItems of 25 conditional puts", measure(count, this::transaction));
        return seconds;
    }

    /** The cost of {@code count} new items written as PartiQL INSERTs, the console's default form. */
    Cost insertStatements(int count) {
        return measure(count, this::insertStatements);
    }

    private Cost measure(int count, BiConsumer<String, int[]> writeRange) {
        String table = createTable();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        double before = serverCpuSeconds();
        long start = System.nanoTime();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                writers.add(pool.submit(() -> {
                    for (int from = next.getAndAdd(25); from < count; from = next.getAndAdd(25)) {
                        writeRange.accept(table, new int[] {from, Math.min(count, from + 25)});
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        Cost cost = new Cost(serverCpuSeconds() - before, (System.nanoTime() - start) / 1e9);
        client.deleteTable(b -> b.tableName(table));
        return cost;
    }

    private void insertStatements(String table, int[] range) {
        List<BatchStatementRequest> statements = new ArrayList<>();
        for (int i = range[0]; i < range[1]; i++) {
            Map<String, AttributeValue> item = Bench.item("form", i);
            List<String> names = List.copyOf(item.keySet());
            StringBuilder tuple = new StringBuilder("{");
            for (String name : names) {
                tuple.append(tuple.length() > 1 ? "," : "").append('\'').append(name).append("':?");
            }
            statements.add(BatchStatementRequest.builder()
                    .statement("INSERT INTO \"" + table + "\" VALUE " + tuple + "}")
                    .parameters(names.stream().map(item::get).toList()).build());
        }
        for (BatchStatementResponse answer : client.batchExecuteStatement(b -> b.statements(statements)).responses()) {
            if (answer.error() != null) {
                throw new IllegalStateException(answer.error().toString());
            }
        }
    }

    private void conditionalPuts(String table, int[] range) {
        for (int i = range[0]; i < range[1]; i++) {
            Map<String, AttributeValue> item = Bench.item("form", i);
            client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(emailAddress)"));
        }
    }

    private void transaction(String table, int[] range) {
        List<TransactWriteItem> puts = new ArrayList<>();
        for (int i = range[0]; i < range[1]; i++) {
            Map<String, AttributeValue> item = Bench.item("form", i);
            puts.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(emailAddress)")).build());
        }
        client.transactWriteItems(b -> b.transactItems(puts));
    }

    private String createTable() {
        String table = "BenchWriteForm" + System.nanoTime();
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("emailAddress").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("emailAddress")
                        .attributeType(ScalarAttributeType.S).build()));
        return table;
    }

    /** utime + stime of the engine's process (fields 14 and 15 of /proc/PID/stat). */
    private double serverCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(serverPid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
