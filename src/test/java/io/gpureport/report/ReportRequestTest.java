package io.gpureport.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gpureport.classify.RuleSet;
import io.gpureport.classify.RuleSets;
import io.gpureport.config.ChtcOwnedHosts;
import io.gpureport.config.ExclusionMap;
import io.gpureport.deliver.EmailSettings;
import io.gpureport.report.ReportRequest.OutputFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The preconditions of the request records: the second line behind the command line's checks. */
class ReportRequestTest {
  private static final ReportRequest.Source DIR = ReportRequest.Source.dataDir(Path.of("."));
  private static final RuleSet REFERENCE = RuleSets.named("reference");
  private static final ReportRequest.Window DAY = new ReportRequest.Window(24, null);
  private static final ReportRequest.Filters NONE =
      new ReportRequest.Filters(REFERENCE, ExclusionMap.empty(), ChtcOwnedHosts.none());
  private static final ReportRequest.Output TEXT =
      new ReportRequest.Output(OutputFormat.TEXT, null, true);
  private static final ReportRequest.Output HTML =
      new ReportRequest.Output(OutputFormat.HTML, null, true);
  private static final ReportRequest.GpuModelSnapshot SNAPSHOT =
      new ReportRequest.GpuModelSnapshot(null, 0, "2025-11-03 10:00:00", 5);
  private static final ReportRequest.Email EMAIL =
      new ReportRequest.Email(
          new EmailSettings(
              List.of("to@example.org"),
              "from@example.org",
              "CHTC GPU Allocation",
              "localhost",
              25,
              EmailSettings.StartTls.OFF,
              null,
              null,
              false,
              30,
              false));

  static Stream<Arguments> invalid() {
    return Stream.of(
        named("no source", () -> new ReportRequest.Source(null, null, null)),
        named("both sources", () -> new ReportRequest.Source(Path.of("a.db"), Path.of("."), null)),
        named("negative hours", () -> new ReportRequest.Window(-1, null)),
        named("zero-minute buckets", () -> new ReportRequest.Timeseries(0, "")),
        named("negative buckets", () -> new ReportRequest.Timeseries(-15, "")),
        named(
            "negative snapshot window", () -> new ReportRequest.GpuModelSnapshot(null, 0, "", -1)),
        named(
            "empty output file",
            () -> new ReportRequest.Output(OutputFormat.TEXT, Path.of(""), true)),
        named(
            "snapshot as html",
            () ->
                new ReportRequest(
                    DIR, DAY, SNAPSHOT, NONE, HTML, new ReportRequest.NoEmail(), false)),
        named(
            "snapshot by e-mail",
            () -> new ReportRequest(DIR, DAY, SNAPSHOT, NONE, TEXT, EMAIL, false)));
  }

  static Stream<Arguments> absent() {
    return Stream.of(
        named("db path", () -> ReportRequest.Source.dbPath(null)),
        named("data dir", () -> ReportRequest.Source.dataDir(null)),
        named("host", () -> new ReportRequest.Allocation(true, false, null)),
        named("time-series host", () -> new ReportRequest.Timeseries(15, null)),
        named("snapshot time text", () -> new ReportRequest.GpuModelSnapshot(null, 0, null, 5)),
        named(
            "rule set",
            () -> new ReportRequest.Filters(null, ExclusionMap.empty(), ChtcOwnedHosts.none())),
        named(
            "exclusions", () -> new ReportRequest.Filters(REFERENCE, null, ChtcOwnedHosts.none())),
        named(
            "CHTC-owned hosts",
            () -> new ReportRequest.Filters(REFERENCE, ExclusionMap.empty(), null)),
        named("format", () -> new ReportRequest.Output(null, null, true)),
        named("e-mail settings", () -> new ReportRequest.Email(null)),
        named("analysis", () -> new ReportRequest(DIR, DAY, null, NONE, TEXT, EMAIL, false)));
  }

  static Stream<Arguments> valid() {
    ReportRequest.NoEmail written = new ReportRequest.NoEmail();
    return Stream.of(
        named("db path", () -> ReportRequest.Source.dbPath(Path.of("gpu_state_2025-11.db"))),
        named("last snapshot only", () -> new ReportRequest.Window(0, 1L)),
        named("one-minute buckets", () -> new ReportRequest.Timeseries(1, "gpu4")),
        named("exact snapshot", () -> new ReportRequest.GpuModelSnapshot("H200", 0, "", 0)),
        named(
            "output file", () -> new ReportRequest.Output(OutputFormat.JSON, Path.of("r"), false)),
        named(
            "allocation as html by e-mail",
            () ->
                new ReportRequest(
                    DIR,
                    DAY,
                    new ReportRequest.Allocation(true, true, ""),
                    NONE,
                    HTML,
                    EMAIL,
                    true)),
        named(
            "monthly by e-mail",
            () ->
                new ReportRequest(
                    DIR, DAY, new ReportRequest.Monthly(false, ""), NONE, TEXT, EMAIL, false)),
        named(
            "snapshot as text",
            () -> new ReportRequest(DIR, DAY, SNAPSHOT, NONE, TEXT, written, false)));
  }

  private static Arguments named(String name, Executable construction) {
    return Arguments.of(name, construction);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsWhatTheCommandLineRejects(String name, Executable construction) {
    assertThrows(IllegalArgumentException.class, construction, name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("absent")
  void requiresItsParts(String name, Executable construction) {
    assertThrows(NullPointerException.class, construction, name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void acceptsTheEdgesOfTheRanges(String name, Executable construction) {
    assertDoesNotThrow(construction, name);
  }
}
