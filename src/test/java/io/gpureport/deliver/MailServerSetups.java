package io.gpureport.deliver;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * GreenMail server set-ups on free loopback ports that allow a slow start: the library's 2 s
 * start-up bound fails tests on a busy two-core machine.
 */
public final class MailServerSetups {
  private static final long STARTUP_TIMEOUT_MS = 20_000;

  private MailServerSetups() {}

  /** Plain SMTP on a free loopback port. */
  public static ServerSetup smtp() {
    return patient(ServerSetupTest.SMTP);
  }

  /** SMTPS (TLS on connect) on a free loopback port. */
  public static ServerSetup smtps() {
    return patient(ServerSetupTest.SMTPS);
  }

  private static ServerSetup patient(ServerSetup template) {
    ServerSetup s = template.createCopy("127.0.0.1").dynamicPort();
    s.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
    return s;
  }
}
