package io.gpureport.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.ExampleData;
import io.gpureport.cli.Cli;
import io.gpureport.cli.CliResult;
import io.gpureport.errors.GpuReportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * The STARTTLS upgrade against a real SubEthaSMTP server (GreenMail does not implement STARTTLS).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StartTlsIT {
  static final String USER = "bot@example.org";
  static final String PASSWORD = "s3cret";
  private static final char[] STORE_PASSWORD = "changeit".toCharArray();
  private static final List<String> RECIPIENTS =
      List.of("ops@example.org", "Admin <admin@example.org>");

  @TempDir static Path keyDir;

  /** The server side of TLS: a self-signed certificate for 127.0.0.1 that no JVM trusts. */
  private static SSLContext serverTls;

  /**
   * One message as the server received it, and whether its session was upgraded and authenticated.
   */
  record Delivery(
      String from, List<String> to, String data, boolean tls, Optional<Object> identity) {}

  @RegisterExtension final ClosedPorts closed = new ClosedPorts();

  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

  /** Per AUTH attempt the server saw: whether that session was already inside TLS. */
  private final List<Boolean> logins = new CopyOnWriteArrayList<>();

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
  private SMTPServer server;

  @BeforeAll
  static void selfSignedCertificate() throws Exception {
    serverTls = serverContext(keyStore("smtp.p12", "CN=127.0.0.1", "ip:127.0.0.1"));
  }

  /** A PKCS12 key store in {@link #keyDir} with a new self-signed certificate. */
  private static Path keyStore(String file, String dname, String san) throws Exception {
    Path store = keyDir.resolve(file);
    keytool(
        "-genkeypair",
        "-noprompt",
        "-alias",
        "smtp",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        dname,
        "-ext",
        "SAN=" + san,
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass",
        new String(STORE_PASSWORD));
    return store;
  }

  /** A trust store that trusts the certificate of {@code keys}, as a client would be configured. */
  private static Path trustStoreFor(Path keys) throws Exception {
    Path cert = keyDir.resolve(keys.getFileName() + ".crt");
    Path trust = keyDir.resolve(keys.getFileName() + ".trust.p12");
    keytool(
        "-exportcert",
        "-alias",
        "smtp",
        "-keystore",
        keys.toString(),
        "-storepass",
        new String(STORE_PASSWORD),
        "-file",
        cert.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "smtp",
        "-file",
        cert.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        trust.toString(),
        "-storepass",
        new String(STORE_PASSWORD));
    return trust;
  }

  private static void keytool(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, keytool.waitFor(), "keytool: " + output);
  }

  private static SSLContext serverContext(Path store) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, STORE_PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, STORE_PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    return tls;
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop();
    }
  }

  /**
   * Starts a server on a free loopback port that offers STARTTLS (not required) and AUTH (accepting
   * only {@link #USER}/{@link #PASSWORD}) and records every delivery; returns its port.
   */
  private int startServer() {
    return startServer(serverTls);
  }

  /** As {@link #startServer()}, with the server certificate of {@code tls}. */
  private int startServer(SSLContext tls) {
    server =
        SMTPServer.port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .hostName("127.0.0.1")
            .enableTLS()
            .startTlsSocketFactory(tls)
            .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(this::login))
            .messageHandlerFactory(this::recorder)
            .connectionTimeout(10, TimeUnit.SECONDS)
            .build();
    server.start();
    return server.getPortAllocated();
  }

  private void login(String user, String password, MessageContext context)
      throws LoginFailedException {
    logins.add(((Session) context).isTLSStarted());
    if (!USER.equals(user) || !PASSWORD.equals(password)) {
      throw new LoginFailedException();
    }
  }

  private MessageHandler recorder(MessageContext context) {
    return new MessageHandler() {
      private String from;
      private final List<String> to = new ArrayList<>();

      @Override
      public void from(String address) {
        from = address;
      }

      @Override
      public void recipient(String address) {
        to.add(address);
      }

      @Override
      public String data(InputStream data) throws IOException {
        deliveries.add(
            new Delivery(
                from,
                List.copyOf(to),
                new String(data.readAllBytes(), StandardCharsets.UTF_8),
                ((Session) context).isTLSStarted(),
                context.getAuthenticationHandler().map(AuthenticationHandler::getIdentity)));
        return null;
      }

      @Override
      public void done() {
        // recorded in data()
      }
    };
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  private static EmailSettings settings(
      int port,
      EmailSettings.StartTls tls,
      String user,
      String password,
      boolean insecure,
      boolean debug) {
    return new EmailSettings(
        RECIPIENTS,
        "reports@example.org",
        "CHTC GPU Allocation",
        "127.0.0.1",
        port,
        tls,
        user,
        password,
        insecure,
        3,
        debug);
  }

  private void send(EmailSettings settings) {
    new SmtpMailer(err, closed.fallbacks(), closed.port())
        .send(settings, "STARTTLS check", "t\n", "<p>h</p>");
  }

  /** The only delivery, after checking its envelope. */
  private Delivery theDelivery() {
    assertEquals(1, deliveries.size(), "one SMTP transaction for both recipients: " + deliveries);
    Delivery d = deliveries.get(0);
    assertEquals("reports@example.org", d.from());
    assertEquals(List.of("ops@example.org", "admin@example.org"), d.to());
    assertTrue(d.data().contains("Subject: STARTTLS check"), d.data());
    return d;
  }

  private void assertSentWithoutWarning() {
    assertFalse(err().contains("Warning"), err());
    assertTrue(
        err()
            .endsWith(
                "Email sent successfully to 2 recipient(s): "
                    + String.join(", ", RECIPIENTS)
                    + "\n"),
        err());
  }

  // ------------------------------------------------------------------------------------ upgrade

  @Test
  void credentialsUpgradeThenAuthenticateAndDeliver() throws Exception {
    int port = startServer();
    send(settings(port, EmailSettings.StartTls.OPPORTUNISTIC, USER, PASSWORD, true, true));

    Delivery d = theDelivery();
    assertTrue(d.tls(), "the server received the message inside TLS");
    assertEquals(Optional.of(USER), d.identity(), "the server authenticated the client");
    assertEquals(List.of(true), logins, "one AUTH, inside TLS");
    assertSentWithoutWarning();

    // The --email-debug trace: EHLO, STARTTLS, 220, then EHLO again and AUTH only after the
    // upgrade.
    String trace = err().replace("\r\n", "\n");
    int startTls = trace.indexOf("\nSTARTTLS\n");
    assertTrue(startTls >= 0, "the client issues STARTTLS: " + trace);
    assertTrue(
        trace.indexOf("\n220 ", startTls) > startTls, "the server accepts STARTTLS: " + trace);
    int ehlo = trace.indexOf("\nEHLO ");
    assertTrue(ehlo >= 0 && ehlo < startTls, "EHLO before STARTTLS: " + trace);
    assertTrue(trace.lastIndexOf("\nEHLO ") > startTls, "EHLO again inside TLS: " + trace);
    assertTrue(
        trace.indexOf("DEBUG SMTP: Attempt to authenticate") > startTls,
        "AUTH only inside TLS: " + trace);
    assertFalse(trace.contains(PASSWORD), trace);
  }

  @ParameterizedTest
  @EnumSource(
      value = EmailSettings.StartTls.class,
      names = {"REQUIRED", "OPPORTUNISTIC"})
  void withoutCredentialsAnOfferedStartTlsIsUsed(EmailSettings.StartTls mode) throws Exception {
    int port = startServer();
    send(settings(port, mode, null, null, true, false));

    Delivery d = theDelivery();
    assertTrue(d.tls(), "the server received the message inside TLS");
    assertEquals(Optional.empty(), d.identity());
    assertEquals(List.of(), logins);
    assertSentWithoutWarning();
  }

  @Test
  void startTlsOffStaysPlainEvenWhenOffered() throws Exception {
    int port = startServer();
    // --smtp-insecure, so that an upgrade would succeed if the client attempted one.
    send(settings(port, EmailSettings.StartTls.OFF, null, null, true, false));

    assertFalse(theDelivery().tls(), "--smtp-starttls off never upgrades");
    assertSentWithoutWarning();
  }

  // ------------------------------------------------------------------------------ verification

  /**
   * The CLI in a JVM whose trust store trusts {@code keys}' certificate (the JVM-wide default
   * trust, which a test JVM cannot change once TLS has been used), mailing the report with
   * certificate and host-name verification on.
   */
  private CliResult mailThroughTrustingJvm(Path keys, int port) throws Exception {
    Path data = Files.createDirectories(keyDir.resolve("data-" + port));
    ExampleData.build(data);
    return Cli.childJvm()
        .jvmOptions(
            "-Djavax.net.ssl.trustStore=" + trustStoreFor(keys),
            "-Djavax.net.ssl.trustStorePassword=" + new String(STORE_PASSWORD),
            "-Djavax.net.ssl.trustStoreType=PKCS12")
        .run(
            "report",
            "--data-dir",
            data.toString(),
            "--exclude-hosts",
            "{}",
            "--email-to",
            "ops@example.org",
            "--email-from",
            "reports@example.org",
            "--smtp-server",
            "127.0.0.1",
            "--smtp-port",
            String.valueOf(port),
            "--smtp-starttls",
            "required",
            "--email-timeout",
            "5");
  }

  @Test
  void aTrustedCertificateForTheServerNamePassesVerification() throws Exception {
    int port = startServer();
    CliResult r = mailThroughTrustingJvm(keyDir.resolve("smtp.p12"), port);
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(1, deliveries.size(), r.err());
    assertTrue(deliveries.get(0).tls(), "delivered inside TLS, verified");
    assertTrue(
        r.err().contains("Email sent successfully to 1 recipient(s): ops@example.org"), r.err());
  }

  @Test
  void aTrustedCertificateForAnotherNameFailsTheHostCheck() throws Exception {
    Path other = keyStore("other.p12", "CN=mail.example.org", "dns:mail.example.org");
    int port = startServer(serverContext(other));
    CliResult r = mailThroughTrustingJvm(other, port);
    String first =
        r.err()
            .lines()
            .filter(l -> l.startsWith("Warning: sending via 127.0.0.1:" + port))
            .findFirst()
            .orElseThrow(() -> new AssertionError(r.err()));
    assertTrue(first.contains("127.0.0.1") && first.toLowerCase().contains("match"), first);
    assertFalse(first.contains("PKIX"), "trusted, so only the name fails: " + first);
    assertEquals(List.of(), deliveries, "nothing is delivered to the misnamed server");
  }

  @ParameterizedTest(name = "credentials={0}")
  @ValueSource(booleans = {false, true})
  void anUntrustedCertificateFailsTheAttemptWithoutFallingBackToPlainText(boolean credentials)
      throws Exception {
    int port = startServer();
    EmailSettings s =
        settings(
            port,
            EmailSettings.StartTls.OPPORTUNISTIC,
            credentials ? USER : null,
            credentials ? PASSWORD : null,
            false,
            false);
    GpuReportException e = assertThrows(GpuReportException.class, () -> send(s));

    List<String> lines = err().lines().toList();
    assertEquals(3, lines.size(), "one line per port tried: " + err());
    String first = lines.get(0);
    assertTrue(first.startsWith("Warning: sending via 127.0.0.1:" + port + " failed: "), first);
    assertTrue(first.contains("PKIX") || first.toLowerCase().contains("certif"), first);
    assertFalse(err().contains("Warning: STARTTLS not supported"), err());
    assertTrue(e.getMessage().startsWith("failed to send email: "), e.getMessage());
    assertEquals(List.of(), deliveries, "nothing is delivered");
    assertEquals(List.of(), logins, "no credentials reach the server");
  }
}
