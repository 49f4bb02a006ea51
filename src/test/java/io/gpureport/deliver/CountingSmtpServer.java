package io.gpureport.deliver;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * A real SMTP server (SubEthaSMTP) on a free loopback port that counts its connections and the
 * messages it accepted, and answers in one of a few ways that tests choose.
 */
final class CountingSmtpServer implements AutoCloseable {
  /** How the server treats a transaction. */
  enum Behaviour {
    /** Accepts everything. */
    ACCEPT,
    /** Refuses every RCPT TO with 550. */
    REFUSE_RECIPIENTS,
    /** Reads the whole content, then refuses it with 554 (the reply to the final "."). */
    REFUSE_CONTENT,
    /** Reads the whole content, then holds the final reply until {@link #release()}. */
    HOLD_FINAL_REPLY
  }

  private final Behaviour behaviour;
  private final CountDownLatch released;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstAccepted = new CountDownLatch(1);
  private final SMTPServer server;

  /**
   * Starts a server; servers that share {@code released} hold their final replies until any of them
   * is {@linkplain #release() released}.
   */
  CountingSmtpServer(Behaviour behaviour, CountDownLatch released) {
    this.behaviour = behaviour;
    this.released = released;
    this.server =
        SMTPServer.port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .hostName("127.0.0.1")
            .sessionHandler(new Counter())
            .messageHandlerFactory(this::handler)
            .build();
    server.start();
  }

  /** A server that holds nothing. */
  CountingSmtpServer(Behaviour behaviour) {
    this(behaviour, new CountDownLatch(0));
  }

  int port() {
    return server.getPortAllocated();
  }

  /** Connections accepted so far (each one counted before the greeting is sent). */
  int connections() {
    return connections.get();
  }

  /** The content of each message accepted so far (the final reply was, or is about to be, 250). */
  List<String> accepted() {
    return List.copyOf(accepted);
  }

  /** Waits for the first accepted message. */
  boolean awaitAccepted(long seconds) throws InterruptedException {
    return firstAccepted.await(seconds, TimeUnit.SECONDS);
  }

  /** Lets held final replies go. */
  void release() {
    released.countDown();
  }

  /** Releases held replies, then stops the server. */
  @Override
  public void close() {
    release();
    server.stop();
  }

  private MessageHandler handler(MessageContext context) {
    return new MessageHandler() {
      @Override
      public void from(String address) {
        // any sender
      }

      @Override
      public void recipient(String address) throws RejectException {
        if (behaviour == Behaviour.REFUSE_RECIPIENTS) {
          throw new RejectException(550, "5.1.1 <" + address + ">: no such user");
        }
      }

      @Override
      public String data(InputStream data) throws RejectException, IOException {
        String content = new String(data.readAllBytes(), StandardCharsets.UTF_8);
        if (behaviour == Behaviour.REFUSE_CONTENT) {
          throw new RejectException(554, "5.7.1 content refused");
        }
        if (behaviour == Behaviour.HOLD_FINAL_REPLY) {
          try {
            released.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while holding the final reply");
          }
        }
        accepted.add(content);
        firstAccepted.countDown();
        return null;
      }

      @Override
      public void done() {
        // counted in data()
      }
    };
  }

  /** Counts each connection, then accepts it. */
  private final class Counter implements SessionHandler {
    @Override
    public SessionAcceptance accept(Session session) {
      connections.incrementAndGet();
      return SessionAcceptance.success();
    }

    @Override
    public void onSessionEnd(Session session) {
      // nothing to count
    }
  }
}
