package io.gpureport.deliver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scripted SMTP server for one connection that answers everything with 250 except DATA, which it
 * never answers: the client's wait for the 354 go-ahead times out before any content is sent.
 */
final class SilentAtDataServer implements AutoCloseable {
  private final ServerSocket listener;
  private final CompletableFuture<Socket> connection = new CompletableFuture<>();
  private final CountDownLatch dataReceived = new CountDownLatch(1);

  SilentAtDataServer() throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    Thread serving = new Thread(this::serve, "silent-at-data");
    serving.setDaemon(true);
    serving.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Waits until the client has sent DATA. */
  boolean awaitData(long seconds) throws InterruptedException {
    return dataReceived.await(seconds, TimeUnit.SECONDS);
  }

  private void serve() {
    try (Socket socket = listener.accept()) {
      connection.complete(socket);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      reply(out, "220 127.0.0.1 ESMTP");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        if (verb.equals("DATA")) {
          dataReceived.countDown(); // and no reply: the client times out and closes
        } else if (verb.equals("QUIT")) {
          reply(out, "221 bye");
          return;
        } else {
          reply(out, "250 ok");
        }
      }
    } catch (IOException closed) {
      // the client or the test closed the connection
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Stops listening and closes the connection, if any. */
  @Override
  public void close() throws IOException {
    listener.close();
    Socket socket = connection.getNow(null);
    if (socket != null) {
      socket.close();
    }
  }
}
