package dev.userconsole.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a random loopback port in front of a DynamoDB endpoint, injecting network faults that can
 * be switched while it runs. It sees HTTP/1.1 only as bytes: a read from the client while no answer is
 * awaited starts a request, the next read from the server starts its response.
 */
public final class FaultProxy implements AutoCloseable {

    /** What happens to the requests the fault applies to. */
    public enum Fault {
        /** Forwarded both ways. */
        NONE,
        /** The request is forwarded at once (so a write is applied) and the response held back for the delay. */
        DELAY,
        /** The connection is closed without forwarding anything: a new one as soon as it is accepted. */
        DROP,
        /** The request is forwarded, then part of the response, then the connection is reset (RST). */
        RESET_MID_RESPONSE,
        /** The request is read and never forwarded or answered. */
        BLACK_HOLE,
        /** The request is read whole, never forwarded, and answered with the response {@link #answer} set. */
        ANSWER
    }

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private Fault fault = Fault.NONE;
    private int remaining;
    private String operation;
    private volatile Duration delay = Duration.ZERO;
    private volatile byte[] answer = new byte[0];
    private int otherRequests;

    public FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** Applies the fault to every request from now on, until changed. */
    public synchronized void inject(Fault fault) {
        set(fault, -1, null);
    }

    /**
     * Applies the fault to the next {@code times} requests for this DynamoDB operation ("PutItem",
     * "GetItem", ...), then forwards normally again.
     */
    public synchronized void injectInto(String operation, Fault fault, int times) {
        set(fault, times, operation);
    }

    public void clear() {
        inject(Fault.NONE);
    }

    /**
     * Answers the requests for this DynamoDB operation ("PutItem", ...; {@code null}: every request) with a
     * complete HTTP response of this status and body, as an IAM policy, a proxy or a broken server would,
     * until changed. The connection is kept open, as after any complete answer.
     */
    public synchronized void answer(String operation, int status, String contentType, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + content.length + "\r\n"
                + "x-amzn-RequestId: fault-proxy\r\n\r\n";
        byte[] response = new byte[head.length() + content.length];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, response, 0, head.length());
        System.arraycopy(content, 0, response, head.length(), content.length);
        this.answer = response;
        set(Fault.ANSWER, -1, operation);
    }

    private static String reason(int status) {
        switch (status) {
            case 400: return "Bad Request";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 500: return "Internal Server Error";
            case 503: return "Service Unavailable";
            default: return "Answer";
        }
    }

    /** Whether these bytes hold a whole HTTP request: its head and as many body bytes as it announces. */
    private static boolean wholeRequest(byte[] bytes, int length) {
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        long body = 0;
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, "Content-Length:".length())) {
                body = Long.parseLong(line.substring("Content-Length:".length()).trim());
            }
        }
        return length >= end + 4 + body;
    }

    /** How many requests were for another service than DynamoDB (STS, say), sent through this proxy so far. */
    public synchronized int requestsOtherThanDynamoDb() {
        return otherRequests;
    }

    /** How long {@link Fault#DELAY} holds each response back. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    private void set(Fault fault, int times, String operation) {
        this.fault = fault;
        this.remaining = times;
        this.operation = operation;
    }

    /** The fault for a request that starts with these bytes; counts it when it is one of a limited number. */
    private synchronized Fault faultFor(byte[] head, int length) {
        if (!new String(head, 0, length, StandardCharsets.ISO_8859_1).contains("DynamoDB_20120810.")) {
            otherRequests++;
        }
        if (fault == Fault.NONE || (operation != null
                && !new String(head, 0, length, StandardCharsets.ISO_8859_1).contains("DynamoDB_20120810." + operation))) {
            return Fault.NONE;
        }
        Fault applied = fault;
        if (remaining > 0 && --remaining == 0) {
            fault = Fault.NONE;
        }
        return applied;
    }

    /** A new connection is dropped at once only when every request is being dropped. */
    private synchronized boolean dropsNewConnections() {
        return fault == Fault.DROP && operation == null;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (dropsNewConnections()) {
                    client.close();
                    continue;
                }
                new Connection(client).start();
            } catch (IOException e) {
                // closed: the proxy is shutting down
            }
        }
    }

    /** One client connection and its connection to the server, with a thread per direction. */
    private final class Connection {
        private final Socket client;
        private Socket server;
        private volatile boolean awaitingResponse;
        private volatile Fault current = Fault.NONE;

        Connection(Socket client) {
            this.client = client;
        }

        void start() {
            sockets.add(client);
            Thread upstream = new Thread(this::requests, "fault-proxy-requests");
            upstream.setDaemon(true);
            upstream.start();
        }

        private void requests() {
            byte[] buffer = new byte[64 * 1024];
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            try (client) {
                InputStream in = client.getInputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (!awaitingResponse) {
                        current = faultFor(buffer, n);
                        awaitingResponse = true;
                    }
                    if (current == Fault.DROP) {
                        break;
                    }
                    if (current == Fault.ANSWER) {
                        request.write(buffer, 0, n);
                        if (wholeRequest(request.toByteArray(), request.size())) {
                            request.reset();
                            awaitingResponse = false;
                            client.getOutputStream().write(answer);
                            client.getOutputStream().flush();
                        }
                        continue;
                    }
                    if (current == Fault.BLACK_HOLE) {
                        continue;
                    }
                    if (server == null && !connectServer()) {
                        break;
                    }
                    server.getOutputStream().write(buffer, 0, n);
                    server.getOutputStream().flush();
                }
            } catch (IOException e) {
                // either side went away: close both
            } finally {
                closeQuietly(server);
                sockets.remove(client);
            }
        }

        /** Connects on the first forwarded request; a server that is down looks like a dropped connection. */
        private boolean connectServer() {
            try {
                server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                sockets.add(server);
                Thread downstream = new Thread(this::responses, "fault-proxy-responses");
                downstream.setDaemon(true);
                downstream.start();
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private void responses() {
            byte[] buffer = new byte[64 * 1024];
            Socket from = server;
            try (from) {
                InputStream in = from.getInputStream();
                OutputStream out = client.getOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (awaitingResponse) {
                        awaitingResponse = false;
                        if (current == Fault.DELAY) {
                            Thread.sleep(delay.toMillis());
                        } else if (current == Fault.RESET_MID_RESPONSE) {
                            out.write(buffer, 0, Math.max(1, n / 2));
                            out.flush();
                            client.setSoLinger(true, 0);
                            client.close();
                            return;
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // either side went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(client);
                sockets.remove(from);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(FaultProxy::closeQuietly);
    }
}
