package io.gpureport.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gpureport.classify.ReportingClass;
import io.gpureport.classify.RuleSets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The report kinds: their preconditions and the percentages each gives the e-mail subject. */
class ReportTest {
  private static final Report.Window WINDOW = new Report.Window(0, 10, 24);
  private static final Report.Context CONTEXT =
      new Report.Context(
          "reference",
          0,
          10,
          List.of(),
          new Report.Filtering(0, 5),
          List.of(),
          0.5,
          LocalDateTime.of(2025, 12, 3, 8, 0));
  private static final DeviceAllocation DEVICE =
      new DeviceAllocation(
          new DeviceAllocation.NoneIncluded(),
          List.of(),
          List.of(12.5, 50.0),
          new BucketSeries(15, new long[0], List.of()));

  static Stream<Arguments> invalid() {
    return Stream.of(
        named("window ending before it starts", () -> new Report.Window(10, 9, 1)),
        named("negative hours", () -> new Report.Window(0, 10, -1)),
        named("month ending before it starts", () -> new Report.Month("November 2025", 10, 9, 720)),
        named("month of no hours", () -> new Report.Month("November 2025", 0, 10, 0)),
        named("negative excluded rows", () -> new Report.Filtering(-1, 0)),
        named("negative analysed rows", () -> new Report.Filtering(0, -1)),
        named(
            "data ending before it starts",
            () ->
                new Report.Context(
                    "reference",
                    10,
                    9,
                    List.of(),
                    new Report.Filtering(0, 0),
                    List.of(),
                    0,
                    CONTEXT.generatedAt())));
  }

  static Stream<Arguments> absent() {
    return Stream.of(
        named("allocation's device", () -> new Report.Allocation(WINDOW, null, CONTEXT)),
        named("allocation's window", () -> new Report.Allocation(null, DEVICE, CONTEXT)),
        named("summary's classes", () -> new Report.AllocationSummary(WINDOW, null, CONTEXT)),
        named("series' time series", () -> new Report.Series(WINDOW, null, CONTEXT)),
        named("monthly's month", () -> new Report.Monthly(null, DEVICE, CONTEXT)),
        named("monthly's context", () -> new Report.Monthly(month(), DEVICE, null)),
        named(
            "generated time",
            () ->
                new Report.Context(
                    "reference",
                    0,
                    10,
                    List.of(),
                    new Report.Filtering(0, 0),
                    List.of(),
                    0,
                    null)));
  }

  private static Arguments named(String name, Executable construction) {
    return Arguments.of(name, construction);
  }

  private static Report.Month month() {
    return new Report.Month("November 2025", 0, 10, 720);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsImpossibleValues(String name, Executable construction) {
    assertThrows(IllegalArgumentException.class, construction, name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("absent")
  void requiresItsParts(String name, Executable construction) {
    assertThrows(NullPointerException.class, construction, name);
  }

  @Test
  void deviceReportsTakeTheSubjectFromTheDeviceAllocation() {
    assertEquals(
        List.of(12.5, 50.0), new Report.Allocation(WINDOW, DEVICE, CONTEXT).subjectPercents());
    assertEquals(
        List.of(12.5, 50.0), new Report.Monthly(month(), DEVICE, CONTEXT).subjectPercents());
  }

  @Test
  void theSummaryGivesItsFirstThreeClasses() {
    List<ClassStat> classes = new ArrayList<>();
    double p = 10;
    for (ReportingClass c : RuleSets.named("reference").classes().classes()) {
      classes.add(new ClassStat(c, new Stat(p, 1, 2)));
      p += 10;
    }
    assertEquals(
        List.of(10.0, 20.0, 30.0),
        new Report.AllocationSummary(WINDOW, classes, CONTEXT).subjectPercents());
  }

  @Test
  void theTimeSeriesGivesNone() {
    TimeSeries ts = new TimeSeries(15, List.of(), List.of());
    assertEquals(List.of(), new Report.Series(WINDOW, ts, CONTEXT).subjectPercents());
  }

  @Test
  void theListsAreCopies() {
    List<ClassStat> classes = new ArrayList<>(List.of());
    Report.AllocationSummary s = new Report.AllocationSummary(WINDOW, classes, CONTEXT);
    classes.add(new ClassStat(RuleSets.named("reference").classes().get(2), new Stat(1, 1, 1)));
    assertEquals(List.of(), s.classes());
  }
}
