package io.gpureport.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpureport.ExampleData;
import io.gpureport.classify.ClassifiedRows;
import io.gpureport.classify.ClassifyRules;
import io.gpureport.classify.ReportingClass;
import io.gpureport.classify.RuleSet;
import io.gpureport.classify.RuleSets;
import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionLoader;
import io.gpureport.config.ExclusionMap;
import io.gpureport.load.Projection;
import io.gpureport.load.SlotSource;
import io.gpureport.load.SlotTable;
import io.gpureport.load.TimeRange;
import io.gpureport.load.Timestamps;
import io.gpureport.sample.SampleGenerator;
import io.gpureport.sample.SampleSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With every switch off, the rule effects' computation gives the production reference numbers (Real
 * and Backfill Slots of {@link ReportFold}) to the last bit: on both worked examples and on
 * generated pools, with and without {@code --host}, {@code --all-devices} and exclusions, folded in
 * one chunk and in time chunks that cut buckets.
 */
class RuleEffectsReferenceTest {
  private static final RuleSet REFERENCE = RuleSets.named("reference");
  private static final RuleSet CORRECTED = RuleSets.named("corrected");
  private static final Stat ZERO = new Stat(0, 0, 0);

  @TempDir static Path root;

  private static Path example;
  private static Path corrected;
  private static Path pool;
  private static Path otherPool;

  @BeforeAll
  static void data() throws Exception {
    example = ExampleData.build(Files.createDirectory(root.resolve("example")));
    corrected = ExampleData.buildCorrected(Files.createDirectory(root.resolve("corrected")));
    LocalDateTime start = LocalDateTime.of(2025, 10, 30, 0, 0);
    pool = root.resolve("pool");
    SampleGenerator.generate(new SampleSpec(pool, 2, 42, start, 40, false));
    otherPool = root.resolve("other-pool");
    SampleGenerator.generate(new SampleSpec(otherPool, 1, 7, start.plusHours(5), 60, false));
  }

  /** The data, {@code --host}, {@code --all-devices}, exclusions on, chunk length in minutes. */
  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String data : List.of("example", "corrected", "pool", "otherPool")) {
      for (String host : List.of("", "gpu4000", "_1@|backfill2@")) {
        for (boolean allDevices : List.of(false, true)) {
          for (boolean exclusions : List.of(true, false)) {
            out.add(Arguments.of(data, host, allDevices, exclusions, 0));
          }
        }
      }
      out.add(Arguments.of(data, "", false, true, 22));
      out.add(Arguments.of(data, "gpu4000", true, false, 97));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} host={1} allDevices={2} exclusions={3} chunk={4}")
  @MethodSource("cases")
  void everySwitchOffIsTheReference(
      String data, String host, boolean allDevices, boolean exclusions, int chunkMinutes)
      throws Exception {
    Path dir =
        switch (data) {
          case "example" -> example;
          case "corrected" -> corrected;
          case "pool" -> pool;
          default -> otherPool;
        };
    ExclusionMap excluded =
        exclusions
            ? ExclusionLoader.parse(ExampleData.resource("masked_hosts.yaml"), "test")
            : ExclusionMap.empty();
    ChtcOwnedHosts chtc = ChtcOwnedHosts.parse(ExampleData.resource("chtc_owned_hosts.txt"));
    ClassifyRules rules = new ClassifyRules(excluded, chtc, host);
    ReportFold production = ReportFold.forDeviceAllocation(REFERENCE.classes(), allDevices, 24);
    RuleEffectsFold effects = new RuleEffectsFold(allDevices);
    for (SlotTable chunk : chunks(dir, chunkMinutes)) {
      production.add(REFERENCE.classify(chunk, rules));
      ClassifiedRows rows = CORRECTED.classify(chunk, rules);
      effects.add(rows);
    }
    assertTrue(production.rows() > 0);
    List<Stat> expected = eightRows(production.deviceAllocation());
    List<Stat> actual =
        effects.finish().reference().lines().stream().map(RuleEffects.Line::stat).toList();
    assertEquals(expected, actual);
    assertTrue(effects.secondPass().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("monthlyCases")
  void everySwitchOffWithoutAllDevicesIsTheMonthlyReference(String data) throws Exception {
    Path dir = data.equals("pool") ? pool : corrected;
    ClassifyRules rules =
        new ClassifyRules(
            ExclusionLoader.parse(ExampleData.resource("masked_hosts.yaml"), "test"),
            ChtcOwnedHosts.parse(ExampleData.resource("chtc_owned_hosts.txt")),
            "");
    ReportFold monthly = ReportFold.forMonthly(REFERENCE.classes(), 720);
    RuleEffectsFold effects = new RuleEffectsFold(false);
    for (SlotTable chunk : chunks(dir, 0)) {
      monthly.add(REFERENCE.classify(chunk, rules));
      effects.add(CORRECTED.classify(chunk, rules));
    }
    assertEquals(
        eightRows(monthly.deviceAllocation()),
        effects.finish().reference().lines().stream().map(RuleEffects.Line::stat).toList());
  }

  static Stream<String> monthlyCases() {
    return Stream.of("corrected", "pool");
  }

  /** Every row of the directory, in one chunk or in time chunks of {@code minutes}. */
  private static List<SlotTable> chunks(Path dir, int minutes) {
    SlotSource source = SlotSource.open(null, dir, 1);
    long newest = source.defaultEndTime().orElseThrow();
    TimeRange window = TimeRange.closed(Timestamps.of(LocalDateTime.of(2025, 1, 1, 0, 0)), newest);
    SlotTable whole = source.load(source.segmentsFor(window), window, Projection.CORRECTED);
    if (minutes == 0) {
      return List.of(whole);
    }
    TimeRange all = TimeRange.closed(whole.timestamps().getLong(0), newest);
    List<SlotTable> out = new ArrayList<>();
    for (TimeRange r : all.split(minutes * 60L * Timestamps.MICROS_PER_SECOND)) {
      SlotTable t = source.load(source.segmentsFor(r), r, Projection.CORRECTED);
      if (t.rowCount() > 0) {
        out.add(t);
      }
    }
    return out;
  }

  /** The eight rows as the production tables hold them; a class not included reads 0. */
  static List<Stat> eightRows(DeviceAllocation d) {
    List<Stat> out = new ArrayList<>();
    if (!(d.classes() instanceof DeviceAllocation.Included included)) {
      for (int k = 0; k < 8; k++) {
        out.add(ZERO);
      }
      return out;
    }
    addTable(out, included.real(), REFERENCE.classes().real());
    addTable(out, included.backfill(), REFERENCE.classes().backfill());
    return out;
  }

  private static void addTable(List<Stat> out, SlotsTable table, List<ReportingClass> classes) {
    out.add(table.total());
    for (ReportingClass c : classes) {
      out.add(
          table.classes().stream()
              .filter(s -> s.slotClass().equals(c))
              .map(ClassStat::stat)
              .findFirst()
              .orElse(ZERO));
    }
  }
}
