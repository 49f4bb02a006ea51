package io.gpureport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gpureport.load.Timestamps;
import io.gpureport.report.SitePlan.Kind;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The site's periods: the last complete day, ISO week and month before the newest data. */
class SitePlanTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // now,                 day,        day end,             week,     week end,            month
    "2025-12-03 10:00:00, 2025-12-02, 2025-12-03 00:00:00, 2025-W48, 2025-12-01 00:00:00, 2025-11",
    // a Monday: the week that ended at its midnight
    "2025-12-01 00:15:00, 2025-11-30, 2025-12-01 00:00:00, 2025-W48, 2025-12-01 00:00:00, 2025-11",
    // exactly midnight: the day that just ended
    "2025-12-02 00:00:00, 2025-12-01, 2025-12-02 00:00:00, 2025-W48, 2025-12-01 00:00:00, 2025-11",
    // a Sunday: the week before the current one
    "2025-11-30 23:59:59, 2025-11-29, 2025-11-30 00:00:00, 2025-W47, 2025-11-24 00:00:00, 2025-10",
    // New Year: ISO week 1 of 2026 starts on 2025-12-29; the previous week is 2025-W52
    "2026-01-01 08:00:00, 2025-12-31, 2026-01-01 00:00:00, 2025-W52, 2025-12-29 00:00:00, 2025-12",
    // 2026 has 53 ISO weeks: its last one starts on 2026-12-28
    "2027-01-04 06:00:00, 2027-01-03, 2027-01-04 00:00:00, 2026-W53, 2027-01-04 00:00:00, 2026-12",
    // a leap day
    "2028-03-01 01:00:00, 2028-02-29, 2028-03-01 00:00:00, 2028-W08, 2028-02-28 00:00:00, 2028-02",
  })
  void periodsEndAtTheLastMidnightMondayAndFirstOfTheMonth(
      String now, String day, String dayEnd, String week, String weekEnd, String month) {
    SitePlan plan = SitePlan.at(Timestamps.parseUser(now));
    assertEquals("daily/" + day + ".html", plan.day().path());
    assertEquals(24, plan.day().hoursBack());
    assertEquals(dayEnd, Timestamps.formatSeconds(plan.day().end()));
    assertEquals("weekly/" + week + ".html", plan.week().path());
    assertEquals(168, plan.week().hoursBack());
    assertEquals(weekEnd, Timestamps.formatSeconds(plan.week().end()));
    assertEquals("monthly/" + month + ".html", plan.month().path());
    // the monthly analysis reports the month before its end time: end on the next month's first
    assertEquals(
        YearMonth.parse(month).plusMonths(1).atDay(1) + " 00:00:00",
        Timestamps.formatSeconds(plan.month().end()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "DAILY, 2025-12-02, Tuesday 2025-12-02",
    "WEEKLY, 2025-W48, 2025-W48 (2025-11-24 to 2025-11-30)",
    "WEEKLY, 2026-W53, 2026-W53 (2026-12-28 to 2027-01-03)",
    "WEEKLY, 2026-W01, 2026-W01 (2025-12-29 to 2026-01-04)",
    "MONTHLY, 2025-11, November 2025",
  })
  void labelsNameThePeriod(Kind kind, String name, String label) {
    assertEquals(label, SitePlan.label(kind, name));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DAILY:2025-13-01",
        "DAILY:2025-2-01",
        "DAILY:index",
        "DAILY:+2025-12-01",
        "WEEKLY:2025-W53",
        "WEEKLY:2025-W00",
        "WEEKLY:2025-48",
        "MONTHLY:2025-1",
        "MONTHLY:2025-11-01",
      })
  void otherFileNamesAreNotPages(String kindAndName) {
    String[] p = kindAndName.split(":", 2);
    assertNull(SitePlan.label(Kind.valueOf(p[0]), p[1]));
  }
}
