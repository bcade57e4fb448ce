package dev.userconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userconsole.testing.LocalDynamoDb;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LocalServerTest {

    @Test
    void listensOnLoopback() throws IOException {
        LocalServer server = LocalDynamoDb.server();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2000);
            assertTrue(socket.isConnected());
        }
        assertEquals("127.0.0.1", server.endpoint().getHost());
    }

    @Test
    void acceptsNoConnectionOnAnotherLoopbackAddress() throws IOException {
        // Linux routes all of 127/8 to lo: a server bound to every interface would accept this connection.
        LocalServer server = LocalDynamoDb.server();
        try (Socket socket = new Socket()) {
            assertThrows(IOException.class, () -> socket.connect(
                    new InetSocketAddress(InetAddress.getByName("127.0.0.2"), server.port()), 2000));
        }
    }

    @Test
    void acceptsNoConnectionOnOtherAddressesOfThisMachine() throws IOException {
        LocalServer server = LocalDynamoDb.server();
        List<InetAddress> others = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .collect(Collectors.toList());
        for (InetAddress address : others) {
            try (Socket socket = new Socket()) {
                assertThrows(IOException.class,
                        () -> socket.connect(new InetSocketAddress(address, server.port()), 2000),
                        "DynamoDB Local must not be reachable on " + address);
            }
        }
    }
}
