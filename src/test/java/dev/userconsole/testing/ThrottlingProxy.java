package dev.userconsole.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * An HTTP proxy on a random loopback port in front of DynamoDB Local that throttles as provisioned DynamoDB
 * does: a token bucket of read and of write units per table, refilled at the provisioned rate and holding up
 * to a burst allowance of unused capacity. A request is admitted while its bucket is not empty and then
 * charged what it cost, which may leave the bucket in debt; an empty bucket answers DynamoDB's own
 * {@code ProvisionedThroughputExceededException}.
 *
 * <p>Units are computed from the real bodies, as DynamoDB computes them: an item's size is the UTF-8 length of
 * its attribute names and values; a read unit is 4 KB of an item read strongly consistently (half a unit
 * eventually consistent), per item for GetItem and BatchGetItem, from the total bytes of the items read for
 * Scan and Query; a write unit is 1 KB of an item written, per item. A Scan or Query with a projection or a
 * filter is charged for the whole items it evaluated, which the proxy learns by sending the same request
 * without them.
 */
public final class ThrottlingProxy implements AutoCloseable {
    private static final String THROTTLED = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
            + "ProvisionedThroughputExceededException\",\"message\":\"The level of configured provisioned throughput"
            + " for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.\"}";
    private static final Set<String> UNFORWARDED_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding");
    private static final Pattern INSERT = Pattern.compile("(?is)^\\s*INSERT\\s+INTO\\s+\"([^\"]+)\"\\s+VALUE\\s*\\{(.*)}\\s*$");
    private static final Pattern TUPLE_NAME = Pattern.compile("'((?:[^']|'')*)'\\s*:\\s*\\?");

    /** What one table may use, and what it has used. */
    public static final class Bucket {
        private final double rate;
        private final double burst;
        private double tokens;
        private long refilledAt = System.nanoTime();
        private double granted;
        private long throttled;

        Bucket(double rate, double burstSeconds) {
            this.rate = rate;
            this.burst = rate * burstSeconds;
            this.tokens = burst;
        }

        private void refill() {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + rate * (now - refilledAt) / 1e9);
            refilledAt = now;
        }

        synchronized boolean admit() {
            refill();
            if (tokens <= 0) {
                throttled++;
                return false;
            }
            return true;
        }

        synchronized void charge(double units) {
            refill();
            tokens -= units;
            granted += units;
        }

        /** Units charged so far. */
        public synchronized double granted() {
            return granted;
        }

        /** Requests answered with ProvisionedThroughputExceededException so far. */
        public synchronized long throttled() {
            return throttled;
        }

        public double rate() {
            return rate;
        }

        /** The most units a bucket holds: what a run may use on top of its rate times its duration. */
        public double burst() {
            return burst;
        }
    }

    private record Buckets(Bucket reads, Bucket writes) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "throttling-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final Map<String, Buckets> tables = new ConcurrentHashMap<>();
    private final Map<String, Long> reportedSizes = new ConcurrentHashMap<>();

    public ThrottlingProxy(int targetPort) throws IOException {
        this.target = URI.create("http://127.0.0.1:" + targetPort + "/");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * For the scripts' end-to-end tests: {@code DYNAMODB_PORT [--size TABLE BYTES]... [--provision TABLE READS
     * WRITES]...}; prints the proxy's endpoint on a line of its own and runs until killed.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        ThrottlingProxy proxy = new ThrottlingProxy(Integer.parseInt(args[0]));
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> proxy.reportTableSize(args[++i], Long.parseLong(args[++i]));
                case "--provision" -> proxy.provision(args[++i], Double.parseDouble(args[++i]),
                        Double.parseDouble(args[++i]), 1);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.println(proxy.endpoint());
        System.out.flush();
        Thread.currentThread().join();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Throttles this table to these rates (units per second), with a burst allowance of this many seconds. */
    public void provision(String table, double readUnits, double writeUnits, double burstSeconds) {
        tables.put(table, new Buckets(new Bucket(readUnits, burstSeconds), new Bucket(writeUnits, burstSeconds)));
    }

    /** DescribeTable says the table holds this many bytes (as a big production table would). */
    public void reportTableSize(String table, long bytes) {
        reportedSizes.put(table, bytes);
    }

    public Bucket reads(String table) {
        return tables.get(table).reads();
    }

    public Bucket writes(String table) {
        return tables.get(table).writes();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            JsonNode request = body.length == 0 ? null : JsonNode.parser().parse(new ByteArrayInputStream(body));
            Charge charge = request == null ? Charge.NONE : chargeBeforehand(operation, request);
            if (charge.bucket() != null && !charge.bucket().admit()) {
                answer(exchange, 400, THROTTLED.getBytes(StandardCharsets.UTF_8), Map.of());
                return;
            }
            HttpResponse<byte[]> response = send(exchange, body);
            if (charge.bucket() != null) {
                double units = charge.units() >= 0 ? charge.units()
                        : readUnits(operation, request, response, exchange, body);
                charge.bucket().charge(units);
            }
            if ("DescribeTable".equals(operation) && response.statusCode() == 200
                    && reportedSizes.containsKey(string(request, "TableName"))) {
                String described = new String(decoded(response).readAllBytes(), StandardCharsets.UTF_8)
                        .replaceAll("\"TableSizeBytes\":\\d+", "\"TableSizeBytes\":"
                                + reportedSizes.get(string(request, "TableName")));
                answer(exchange, 200, described.getBytes(StandardCharsets.UTF_8), Map.of());
                return;
            }
            answer(exchange, response.statusCode(), response.body(), response.headers().map());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bucket a request draws on and, for writes, its cost; a read's cost (-1) is known from its answer. */
    private record Charge(Bucket bucket, double units) {
        static final Charge NONE = new Charge(null, 0);
    }

    private Charge chargeBeforehand(String operation, JsonNode request) {
        switch (operation) {
            case "GetItem", "Scan", "Query" -> {
                Buckets buckets = buckets(string(request, "TableName"));
                return buckets == null ? Charge.NONE : new Charge(buckets.reads(), -1);
            }
            case "BatchGetItem" -> {
                Buckets buckets = buckets(firstKey(request, "RequestItems"));
                return buckets == null ? Charge.NONE : new Charge(buckets.reads(), -1);
            }
            case "PutItem" -> {
                Buckets buckets = buckets(string(request, "TableName"));
                return buckets == null ? Charge.NONE
                        : new Charge(buckets.writes(), writeUnits(itemSize(request.field("Item").orElse(null))));
            }
            case "UpdateItem", "DeleteItem" -> {
                Buckets buckets = buckets(string(request, "TableName"));
                // the stored item's size; at least one unit (an update grows it by little in these tests)
                return buckets == null ? Charge.NONE : new Charge(buckets.writes(), 1);
            }
            case "BatchWriteItem" -> {
                String table = firstKey(request, "RequestItems");
                Buckets buckets = buckets(table);
                if (buckets == null) {
                    return Charge.NONE;
                }
                double units = 0;
                for (JsonNode write : request.field("RequestItems").get().field(table).get().asArray()) {
                    units += write.field("PutRequest").map(put -> writeUnits(itemSize(put.field("Item").get())))
                            .orElse(1.0);
                }
                return new Charge(buckets.writes(), units);
            }
            case "BatchExecuteStatement" -> {
                Buckets buckets = null;
                double units = 0;
                for (JsonNode statement : request.field("Statements").get().asArray()) {
                    Matcher insert = INSERT.matcher(string(statement, "Statement"));
                    if (!insert.matches()) {
                        continue;
                    }
                    buckets = buckets == null ? buckets(insert.group(1)) : buckets;
                    List<JsonNode> parameters = statement.field("Parameters").map(JsonNode::asArray).orElse(List.of());
                    Matcher names = TUPLE_NAME.matcher(insert.group(2));
                    long size = 0;
                    for (int i = 0; names.find() && i < parameters.size(); i++) {
                        size += utf8(names.group(1).replace("''", "'")) + valueSize(parameters.get(i));
                    }
                    units += writeUnits(size);
                }
                return buckets == null ? Charge.NONE : new Charge(buckets.writes(), units);
            }
            case "TransactWriteItems" -> {
                Buckets buckets = null;
                double units = 0;
                for (JsonNode item : request.field("TransactItems").get().asArray()) {
                    JsonNode action = item.asObject().values().iterator().next();
                    buckets = buckets == null ? buckets(string(action, "TableName")) : buckets;
                    units += 2 * action.field("Item").map(i -> writeUnits(itemSize(i))).orElse(1.0);
                }
                return buckets == null ? Charge.NONE : new Charge(buckets.writes(), units);
            }
            default -> {
                return Charge.NONE;
            }
        }
    }

    private double readUnits(String operation, JsonNode request, HttpResponse<byte[]> response, HttpExchange exchange,
                             byte[] body) throws IOException, InterruptedException {
        if (response.statusCode() != 200) {
            return 0;
        }
        JsonNode answer = JsonNode.parser().parse(decoded(response));
        boolean consistent = request.field("ConsistentRead").map(JsonNode::asBoolean).orElse(false);
        switch (operation) {
            case "GetItem" -> {
                return readUnits(answer.field("Item").map(ThrottlingProxy::itemSize).orElse(0L), consistent);
            }
            case "BatchGetItem" -> {
                String table = firstKey(request, "RequestItems");
                consistent = request.field("RequestItems").get().field(table).get().field("ConsistentRead")
                        .map(JsonNode::asBoolean).orElse(false);
                double units = 0;
                for (JsonNode item : answer.field("Responses").flatMap(r -> r.field(table)).map(JsonNode::asArray)
                        .orElse(List.of())) {
                    units += readUnits(itemSize(item), consistent);
                }
                return units;
            }
            default -> { // Scan, Query: the bytes of every item evaluated, whatever was returned of them
                JsonNode evaluated = answer;
                if (request.field("ProjectionExpression").isPresent() || request.field("FilterExpression").isPresent()
                        || request.field("Select").isPresent()) {
                    evaluated = JsonNode.parser().parse(decoded(send(exchange, unprojected(request))));
                }
                long bytes = 0;
                for (JsonNode item : evaluated.field("Items").map(JsonNode::asArray).orElse(List.of())) {
                    bytes += itemSize(item);
                }
                return readUnits(bytes, consistent);
            }
        }
    }

    /** The same Scan or Query without projection, filter or Select: the items it evaluates, whole. */
    private static byte[] unprojected(JsonNode request) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, JsonNode> field : request.asObject().entrySet()) {
            if (Set.of("ProjectionExpression", "FilterExpression", "Select", "ExpressionAttributeNames",
                    "ExpressionAttributeValues", "ReturnConsumedCapacity").contains(field.getKey())) {
                continue;
            }
            json.append(json.length() > 1 ? "," : "").append('"').append(field.getKey()).append("\":")
                    .append(field.getValue().toString());
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    private static double writeUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / 1024.0));
    }

    /** An item's size as DynamoDB counts it: attribute names and values, in bytes. */
    static long itemSize(JsonNode item) {
        if (item == null) {
            return 0;
        }
        long size = 0;
        for (Map.Entry<String, JsonNode> attribute : item.asObject().entrySet()) {
            size += utf8(attribute.getKey()) + valueSize(attribute.getValue());
        }
        return size;
    }

    private static long valueSize(JsonNode value) {
        Map.Entry<String, JsonNode> typed = value.asObject().entrySet().iterator().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> utf8(v.asString());
            case "N" -> numberSize(v.asString());
            case "B" -> Base64.getDecoder().decode(v.asString()).length;
            case "BOOL", "NULL" -> 1;
            case "SS" -> v.asArray().stream().mapToLong(s -> utf8(s.asString())).sum();
            case "NS" -> v.asArray().stream().mapToLong(n -> numberSize(n.asString())).sum();
            case "BS" -> v.asArray().stream().mapToLong(b -> Base64.getDecoder().decode(b.asString()).length).sum();
            case "L" -> 3 + v.asArray().stream().mapToLong(e -> 1 + valueSize(e)).sum();
            case "M" -> 3 + v.asObject().entrySet().stream()
                    .mapToLong(e -> 1 + utf8(e.getKey()) + valueSize(e.getValue())).sum();
            default -> 0;
        };
    }

    /** DynamoDB: about one byte per two significant digits, plus one. */
    private static long numberSize(String number) {
        String digits = number.replaceAll("[^0-9]", "").replaceAll("^0+", "").replaceAll("0+$", "");
        return 1 + (digits.length() + 1) / 2;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private Buckets buckets(String table) {
        return table == null ? null : tables.get(table);
    }

    private static String string(JsonNode node, String field) {
        return node.field(field).map(JsonNode::asString).orElse(null);
    }

    private static String firstKey(JsonNode node, String field) {
        return node.field(field).map(n -> n.asObject().keySet().stream().findFirst().orElse(null)).orElse(null);
    }

    private static InputStream decoded(HttpResponse<byte[]> response) throws IOException {
        InputStream body = new ByteArrayInputStream(response.body());
        return response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()
                ? new GZIPInputStream(body) : body;
    }

    private HttpResponse<byte[]> send(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!UNFORWARDED_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void answer(HttpExchange exchange, int status, byte[] body, Map<String, List<String>> headers)
            throws IOException {
        headers.forEach((name, values) -> {
            if (!UNFORWARDED_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        if (headers.isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().set("x-amzn-RequestId", "throttling-proxy");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
