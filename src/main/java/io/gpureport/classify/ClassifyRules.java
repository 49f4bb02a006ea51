package io.gpureport.classify;

import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionMap;
import java.util.regex.Pattern;

/** What classification needs besides the rows: exclusions, CHTC list and {@code --host}. */
public record ClassifyRules(ExclusionMap exclusions, ChtcOwnedHosts chtcOwned, String host) {
  /** {@code --host} as a case-sensitive pattern on {@code Name}, or null when empty. */
  Pattern hostOnName() {
    return host == null || host.isEmpty() ? null : Pattern.compile(host);
  }

  /** {@code --host} as a case-insensitive pattern on {@code Machine}, or null when empty. */
  Pattern hostOnMachine() {
    return host == null || host.isEmpty()
        ? null
        : Pattern.compile(host, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
