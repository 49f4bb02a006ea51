package io.gpureport.aggregate;

import io.gpureport.classify.DeviceModels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The result of {@link HostsFold}: every host of the window with its row, every idle stretch of
 * every GPU, the number of snapshots and their median spacing (microseconds; 0 with fewer than two
 * snapshots).
 */
public record HostsTable(
    int snapshots, long medianSpacing, List<HostRow> hosts, List<IdleStretch> stretches) {
  public HostsTable {
    hosts = List.copyOf(hosts);
    stretches = List.copyOf(stretches);
  }

  /** The order of the host rows ({@code --sort}). */
  public enum Sort {
    /** Grouped by category (class order), then device display name, then host name. */
    GROUP,
    /** Highest share of idle GPU-snapshots first, then host name. */
    IDLE,
    /** Lowest Allocated % first, then host name. */
    ALLOC,
    /** Host name. */
    HOST
  }

  /** What to show: {@code --category}, {@code --device}, {@code --only-idle}, sort, top, gaps. */
  public record Selection(
      Set<HostCategory> categories,
      Pattern device,
      boolean onlyIdle,
      Sort sort,
      int top,
      double minIdleHours) {
    public Selection {
      categories = Set.copyOf(categories);
    }

    /** Everything, grouped, stretches longer than one hour. */
    public static Selection all() {
      return new Selection(Set.of(), null, false, Sort.GROUP, 0, 1);
    }
  }

  /**
   * The hosts {@code s} keeps in its order (at most {@code top} of them when it is positive) and
   * the stretches of their GPUs strictly longer than {@code minIdleHours}, longest first.
   */
  public HostsTable select(Selection s) {
    List<HostRow> kept = new ArrayList<>();
    for (HostRow h : hosts) {
      if (!s.categories().isEmpty() && !s.categories().contains(h.category())) {
        continue;
      }
      if (s.device() != null && !DeviceModels.anyMatches(s.device(), h.devices())) {
        continue;
      }
      if (s.onlyIdle() && h.neverClaimed() == 0) {
        continue;
      }
      kept.add(h);
    }
    kept.sort(order(s.sort()));
    if (s.top() > 0 && kept.size() > s.top()) {
      kept = new ArrayList<>(kept.subList(0, s.top()));
    }
    Set<String> names = new HashSet<>();
    kept.forEach(h -> names.add(h.host()));
    List<IdleStretch> gaps = new ArrayList<>();
    for (IdleStretch x : stretches) {
      if (names.contains(x.host()) && x.hours() > s.minIdleHours()) {
        gaps.add(x);
      }
    }
    gaps.sort(LONGEST_FIRST);
    return new HostsTable(snapshots, medianSpacing, kept, gaps);
  }

  /** The row and the idle stretches of one host (none when the window has no such host). */
  public HostsTable only(String host) {
    return new HostsTable(
        snapshots,
        medianSpacing,
        hosts.stream().filter(h -> h.host().equals(host)).toList(),
        stretches.stream().filter(x -> x.host().equals(host)).toList());
  }

  /** Longest first, then host, GPU id and start. */
  static final Comparator<IdleStretch> LONGEST_FIRST =
      Comparator.comparingLong((IdleStretch x) -> x.end() - x.start())
          .reversed()
          .thenComparing(IdleStretch::host)
          .thenComparing(IdleStretch::gpu)
          .thenComparingLong(IdleStretch::start);

  private static Comparator<HostRow> order(Sort sort) {
    Comparator<HostRow> byHost = Comparator.comparing(HostRow::host);
    return switch (sort) {
      case GROUP ->
          Comparator.comparing(HostRow::category)
              .thenComparing(h -> DeviceModels.displayName(h.device()))
              .thenComparing(byHost);
      case IDLE ->
          Comparator.comparingDouble((HostRow h) -> h.percent(h.idle()))
              .reversed()
              .thenComparing(byHost);
      case ALLOC -> Comparator.comparingDouble(HostRow::allocatedPercent).thenComparing(byHost);
      case HOST -> byHost;
    };
  }
}
