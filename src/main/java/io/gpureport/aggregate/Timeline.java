package io.gpureport.aggregate;

import io.gpureport.classify.DeviceModels;
import io.gpureport.load.Timestamps;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The result of {@link TimelineFold}: every bucket of the window ({@code buckets} of {@code
 * bucketMinutes} from {@code start}, the first bucket's start in naive epoch microseconds, buckets
 * without data included) and every GPU's cells, hosts grouped by category, then device display
 * name, then host name (as {@code hosts}).
 */
public record Timeline(long start, int bucketMinutes, int buckets, List<TimelineHost> hosts) {
  /** Category (class order), device display name, host name. */
  static final Comparator<TimelineHost> GROUPED =
      Comparator.comparing(TimelineHost::category)
          .thenComparing((TimelineHost h) -> DeviceModels.displayName(h.device()))
          .thenComparing(TimelineHost::host);

  public Timeline {
    hosts = hosts.stream().sorted(GROUPED).toList();
  }

  /** Which hosts to show: {@code --category} (empty: all) and {@code --device}. */
  public record Selection(Set<HostCategory> categories, Optional<Pattern> device) {
    public Selection {
      categories = Set.copyOf(categories);
    }

    /** Every host. */
    public static Selection all() {
      return new Selection(Set.of(), Optional.empty());
    }
  }

  /** The hosts {@code s} keeps. */
  public Timeline select(Selection s) {
    return new Timeline(
        start,
        bucketMinutes,
        buckets,
        hosts.stream()
            .filter(h -> s.categories().isEmpty() || s.categories().contains(h.category()))
            .filter(h -> s.device().map(p -> DeviceModels.anyMatches(p, h.devices())).orElse(true))
            .toList());
  }

  /** The timeline of one host (no host if it has none of that name): a site's host page. */
  public Timeline host(String name) {
    return new Timeline(
        start, bucketMinutes, buckets, hosts.stream().filter(h -> h.host().equals(name)).toList());
  }

  /** The start of bucket {@code b} (naive epoch microseconds). */
  public long bucketStart(int b) {
    return start + b * bucketMicros();
  }

  /** The width of a bucket in microseconds. */
  public long bucketMicros() {
    return bucketMinutes * Timestamps.MICROS_PER_MINUTE;
  }

  /** The number of GPUs (rows of the timeline). */
  public int gpuCount() {
    return hosts.stream().mapToInt(h -> h.gpus().size()).sum();
  }
}
