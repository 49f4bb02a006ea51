package io.gpureport.deliver;

import java.util.List;

/**
 * E-mail delivery options (docs/metrics.md, "E-mail", D10, D14); the password comes from the
 * environment.
 */
public record EmailSettings(
    List<String> recipients,
    String from,
    String subjectPrefix,
    String server,
    int port,
    StartTls startTls,
    String user,
    String password,
    boolean insecure,
    int timeoutSeconds,
    boolean debug) {

  /** {@code --smtp-starttls} modes. */
  public enum StartTls {
    REQUIRED,
    OPPORTUNISTIC,
    OFF
  }
}
