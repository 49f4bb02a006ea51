package io.gpureport.aggregate;

import io.gpureport.classify.ClassCatalogue;
import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.RuleSets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule-effects report of {@code --explain-rules} (CORRECTED.md §10) as a fold over a window's
 * chunks: the reference computation of the Real and Backfill Slots tables run once per set of
 * switches that changes the counts ({@link SwitchedSlots}; the runs of C7, C11 and C12 share the
 * reference's counts), all in one pass over the rows. Memory is per-bucket sets plus integer sums
 * per (class, device). The chunks must be loaded with real names and projects
 * (Projection.CORRECTED); any rule set's classification will do, as only its exclusion, {@code
 * --host}, CHTC-owned, backfill and state facts are read.
 */
public final class RuleEffectsFold implements WindowFold {
  private static final ClassCatalogue REFERENCE_CLASSES = RuleSets.named("reference").classes();

  private final boolean allDevices;
  private final Map<RuleSwitches, Set<String>> known;
  private final Buckets buckets = new Buckets(ReportFold.ALLOCATION_BUCKET_MINUTES);
  private final ChunkFacts.Codes codes = new ChunkFacts.Codes();
  private final Map<RuleSwitches, SwitchedSlots> counts = new LinkedHashMap<>();
  private final RowsSeen seen = new RowsSeen();

  /** A fold with the old-model filter off with {@code allDevices}. */
  public RuleEffectsFold(boolean allDevices) {
    this(allDevices, Map.of());
  }

  private RuleEffectsFold(boolean allDevices, Map<RuleSwitches, Set<String>> known) {
    this.allDevices = allDevices;
    this.known = Map.copyOf(known);
    for (RuleSwitches run : RuleSwitches.runs()) {
      RuleSwitches c = run.counting();
      counts.computeIfAbsent(c, s -> new SwitchedSlots(s, allDevices, codes, this.known.get(s)));
    }
  }

  @Override
  public void add(ClassifiedRows chunk) {
    if (chunk.size() == 0) {
      return;
    }
    seen.add(chunk);
    ChunkFacts facts = new ChunkFacts(chunk, codes, buckets.add(chunk.timestamps()));
    counts.values().parallelStream().forEach(s -> s.add(facts));
  }

  @Override
  public RuleEffectsFold emptyCopy() {
    return new RuleEffectsFold(allDevices, known);
  }

  @Override
  public RowsSeen seen() {
    return seen;
  }

  @Override
  public int bucketCount() {
    return buckets.count();
  }

  /**
   * A fold to run over the same window again, with C5's prioritized machines now known, when a
   * machine showed its first prioritized primary row after C5 had counted a backfill row of it as
   * not prioritized (rare: a machine given a project during the window); empty when this fold's
   * numbers are exact. Once, after the last chunk.
   */
  public Optional<RuleEffectsFold> secondPass() {
    Map<RuleSwitches, Set<String>> prioritized = new LinkedHashMap<>();
    boolean revised = false;
    for (Map.Entry<RuleSwitches, SwitchedSlots> e : counts.entrySet()) {
      if (e.getKey().has(RuleSwitch.C5)) {
        revised |= e.getValue().revised();
        prioritized.put(e.getKey(), e.getValue().knownPrioritized());
      }
    }
    return revised ? Optional.of(new RuleEffectsFold(allDevices, prioritized)) : Optional.empty();
  }

  /** The report; once, after the last chunk, with rows. */
  public RuleEffects finish() {
    List<RuleSwitches> runs = RuleSwitches.runs();
    List<RuleEffects.Effect> effects = new ArrayList<>();
    for (RuleSwitches run : runs.subList(1, runs.size())) {
      effects.add(new RuleEffects.Effect(run.heading(), rows(run)));
    }
    return new RuleEffects(rows(runs.get(0)), effects);
  }

  /** The eight rows of one run. */
  RuleEffects.SlotRows rows(RuleSwitches run) {
    return counts.get(run.counting()).rows(run, buckets.count(), REFERENCE_CLASSES);
  }
}
