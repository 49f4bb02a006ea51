package io.gpureport.cli;

import io.gpureport.deliver.Addresses;
import io.gpureport.deliver.EmailSettings;
import io.gpureport.errors.UsageException;
import io.gpureport.report.ReportRequest;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The e-mail options of the commands that can send their output ({@code report}, {@code hosts},
 * {@code users}, {@code trend}): recipients, sender, subject prefix and the SMTP connection
 * (README, "E-mail"; docs/metrics.md, "E-mail"), checked and turned into the request's delivery.
 */
final class EmailOptions {
  static final String PASSWORD_ENV = "GPUREPORT_SMTP_PASSWORD";

  @Option(
      names = "--email-to",
      paramLabel = "LIST",
      description = "Also send the report by e-mail to these comma-separated recipients.")
  String emailTo;

  @Option(
      names = "--email-from",
      paramLabel = "ADDR",
      description = "Sender address; required with --email-to.")
  String emailFrom;

  @Option(
      names = "--email-subject-prefix",
      paramLabel = "TEXT",
      defaultValue = "CHTC GPU Allocation",
      description = "Start of the e-mail subject (default: ${DEFAULT-VALUE}).")
  String subjectPrefix;

  @Option(
      names = "--smtp-server",
      paramLabel = "HOST",
      defaultValue = "localhost",
      description = "SMTP server (default: ${DEFAULT-VALUE}).")
  String smtpServer;

  @Option(
      names = "--smtp-port",
      paramLabel = "INT",
      defaultValue = "25",
      description = "First SMTP port tried (default: ${DEFAULT-VALUE}).")
  int smtpPort;

  @Option(
      names = "--smtp-starttls",
      paramLabel = "MODE",
      defaultValue = "opportunistic",
      converter = StartTlsConverter.class,
      description = "required, opportunistic or off (default: ${DEFAULT-VALUE}).")
  EmailSettings.StartTls startTls;

  @Option(
      names = "--smtp-user",
      paramLabel = "USER",
      description = "SMTP user; the password is read from $" + PASSWORD_ENV + ".")
  String smtpUser;

  @Option(
      names = "--smtp-insecure",
      description = "Do not verify the SMTP server's TLS certificate or host name.")
  boolean smtpInsecure;

  @Option(
      names = "--email-timeout",
      paramLabel = "INT",
      defaultValue = "30",
      description =
          "SMTP connect, read and write timeout in seconds, >= 1" + " (default: ${DEFAULT-VALUE}).")
  int emailTimeout;

  @Option(
      names = "--email-debug",
      description = "Print the SMTP conversation and the e-mail subject on stderr.")
  boolean emailDebug;

  /** Whether {@code --email-to} was given. */
  boolean requested() {
    return emailTo != null;
  }

  /** The range checks of the timeout and the port (usage errors). */
  void validate() {
    if (emailTimeout < 1) {
      throw new UsageException("--email-timeout must be >= 1, was " + emailTimeout);
    }
    if (smtpPort < 1 || smtpPort > 65535) {
      throw new UsageException("--smtp-port must be between 1 and 65535, was " + smtpPort);
    }
  }

  /**
   * No e-mail without {@code --email-to}; else the checked settings, the SMTP password read from
   * {@code $GPUREPORT_SMTP_PASSWORD} when {@code --smtp-user} is given.
   */
  ReportRequest.Delivery delivery(CliContext ctx) {
    if (emailTo == null) {
      return new ReportRequest.NoEmail();
    }
    if (emailFrom == null) {
      throw new UsageException("--email-from is required when --email-to is given");
    }
    var recipients = Addresses.recipients(emailTo);
    Addresses.validate(emailFrom, "--email-from");
    Addresses.subjectPrefix(subjectPrefix);
    String password = null;
    if (smtpUser != null) {
      password = ctx.env().get(PASSWORD_ENV);
      if (password == null) {
        throw new UsageException(
            "--smtp-user needs the password in the environment variable " + PASSWORD_ENV);
      }
    }
    return new ReportRequest.Email(
        new EmailSettings(
            recipients,
            emailFrom,
            subjectPrefix,
            smtpServer,
            smtpPort,
            startTls,
            smtpUser,
            password,
            smtpInsecure,
            emailTimeout,
            emailDebug));
  }

  /** Accepts required, opportunistic and off. */
  static final class StartTlsConverter implements ITypeConverter<EmailSettings.StartTls> {
    @Override
    public EmailSettings.StartTls convert(String v) {
      return switch (v) {
        case "required" -> EmailSettings.StartTls.REQUIRED;
        case "opportunistic" -> EmailSettings.StartTls.OPPORTUNISTIC;
        case "off" -> EmailSettings.StartTls.OFF;
        default ->
            throw new TypeConversionException(
                "expected one of required, opportunistic, off but was '" + v + "'");
      };
    }
  }
}
