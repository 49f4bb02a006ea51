package io.gpureport.cli;

import io.gpureport.aggregate.HostCategory;
import io.gpureport.errors.UsageException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** Which hosts a per-host view shows ({@code hosts}, {@code timeline}): by category and device. */
final class HostFilterOptions {
  @Option(
      names = "--category",
      paramLabel = "LIST",
      description =
          "Only hosts of these comma-separated categories: researcher-owned, chtc-owned,"
              + " open-capacity, unclassified (default: all).")
  String category;

  @Option(
      names = "--device",
      paramLabel = "REGEX",
      description = "Only hosts with a device whose raw or display name matches this regex.")
  String device;

  /** The checked {@code --device} regex, empty without one. */
  Optional<Pattern> device() {
    return Optional.ofNullable(device).map(d -> SourceOptions.regex(d, "--device"));
  }

  /** The categories of {@code --category} (empty: all), or a usage error. */
  Set<HostCategory> categories() {
    Set<HostCategory> categories = EnumSet.noneOf(HostCategory.class);
    if (category == null) {
      return categories;
    }
    for (String c : category.split(",", -1)) {
      HostCategory k = HostCategory.ofKey(c.trim());
      if (k == null) {
        throw new UsageException(
            "invalid --category '"
                + c.trim()
                + "': expected researcher-owned, chtc-owned, open-capacity or unclassified");
      }
      categories.add(k);
    }
    return categories;
  }
}
