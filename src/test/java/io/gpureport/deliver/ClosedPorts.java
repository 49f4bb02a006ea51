package io.gpureport.deliver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Loopback ports that refuse connections until the test ends (register as an instance field with
 * {@code @RegisterExtension}). Each port is held by a socket bound to 127.0.0.1 that never listens
 * or connects, so connecting to it is refused and nothing else can take the port meanwhile.
 */
final class ClosedPorts implements AfterEachCallback {
  private final List<Socket> held = new ArrayList<>();

  /** A new closed port, held until the end of the test. */
  int port() {
    Socket socket = new Socket();
    try {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    } catch (IOException e) {
      closeQuietly(socket);
      throw new UncheckedIOException(e);
    }
    held.add(socket);
    return socket.getLocalPort();
  }

  /** Two closed fallback ports, so that no test ever talks to a real port 25 or 587. */
  List<Integer> fallbacks() {
    return List.of(port(), port());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    held.forEach(ClosedPorts::closeQuietly);
    held.clear();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // the port is released either way
    }
  }
}
