package io.gpureport.deliver;

import io.gpureport.errors.UsageException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;

/** Validates e-mail addresses from the command line; no header injection gets through. */
public final class Addresses {
  private Addresses() {}

  /** Splits {@code --email-to} on commas, trims, drops empties and validates each address. */
  public static List<String> recipients(String list) {
    List<String> out = new ArrayList<>();
    for (String part : list.split(",")) {
      String a = part.trim();
      if (!a.isEmpty()) {
        out.add(validate(a, "--email-to"));
      }
    }
    if (out.isEmpty()) {
      throw new UsageException("No valid email addresses provided");
    }
    return out;
  }

  /** Validates one address (strict RFC 822 syntax, no control characters). */
  public static String validate(String address, String option) {
    if (address.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new UsageException(
          "invalid address in " + option + ": control characters are not allowed");
    }
    try {
      InternetAddress a = new InternetAddress(address, true);
      a.validate();
      return address;
    } catch (AddressException e) {
      throw new UsageException(
          "invalid address in " + option + " '" + address + "': " + e.getMessage());
    }
  }

  /** Rejects a subject prefix that would break the header. */
  public static String subjectPrefix(String prefix) {
    if (prefix.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new UsageException(
          "invalid --email-subject-prefix: control characters are not allowed");
    }
    return prefix;
  }
}
