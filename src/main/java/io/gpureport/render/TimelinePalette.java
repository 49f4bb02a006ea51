package io.gpureport.render;

import io.gpureport.aggregate.TimelineState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How each timeline state is drawn (docs/metrics.md, "Timeline cells"): a colour of the Okabe–Ito
 * palette (colour-blind safe; idle states are 40 % tints of their class's busy colour), whether the
 * cell is hatched (unavailable: told from no data without colour) and its text character.
 */
enum TimelinePalette {
  NO_DATA(TimelineState.NO_DATA, 0xFFFFFF, false, '.'),
  UNAVAILABLE(TimelineState.UNAVAILABLE, 0x999999, true, 'x'),
  IDLE_RESEARCHER(TimelineState.IDLE_RESEARCHER, 0x99C7E0, false, 'r'),
  IDLE_CHTC(TimelineState.IDLE_CHTC, 0xEEBF99, false, 'c'),
  IDLE_OPEN(TimelineState.IDLE_OPEN, 0x99D8C7, false, 'o'),
  IDLE_UNCLASSIFIED(TimelineState.IDLE_UNCLASSIFIED, 0xEBC9DC, false, 'u'),
  BACKFILL(TimelineState.BACKFILL, 0xE69F00, false, 'B'),
  BUSY_RESEARCHER(TimelineState.BUSY_RESEARCHER, 0x0072B2, false, 'R'),
  BUSY_CHTC(TimelineState.BUSY_CHTC, 0xD55E00, false, 'C'),
  BUSY_OPEN(TimelineState.BUSY_OPEN, 0x009E73, false, 'O'),
  BUSY_UNCLASSIFIED(TimelineState.BUSY_UNCLASSIFIED, 0xCC79A7, false, 'U');

  /** The colour of the hatching lines. */
  static final int HATCH = 0x333333;

  private final TimelineState state;
  private final int rgb;
  private final boolean hatched;
  private final char symbol;

  TimelinePalette(TimelineState state, int rgb, boolean hatched, char symbol) {
    this.state = state;
    this.rgb = rgb;
    this.hatched = hatched;
    this.symbol = symbol;
  }

  /** The drawing of {@code s}. */
  static TimelinePalette of(TimelineState s) {
    return values()[s.ordinal()];
  }

  TimelineState state() {
    return state;
  }

  int rgb() {
    return rgb;
  }

  boolean hatched() {
    return hatched;
  }

  char symbol() {
    return symbol;
  }

  /** The colour as CSS, e.g. {@code #0072b2}. */
  String css() {
    return String.format(Locale.ROOT, "#%06x", rgb);
  }

  /** The legend: highest rank first, classes in class order. */
  static List<TimelinePalette> legend() {
    List<TimelinePalette> l = new ArrayList<>(List.of(values()));
    l.sort(
        Comparator.comparingInt((TimelinePalette p) -> -p.state().rank())
            .thenComparing(TimelinePalette::ordinal));
    return l;
  }
}
