package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2025-11-03 10:15:04.654321, 2025-11-03 10:15:04.654321",
    "2025-11-03 10:15:04, 2025-11-03 10:15:04.000000",
    "2025-11-03 10:15:04.5, 2025-11-03 10:15:04.500000",
    "2025-11-03 10:15:04.123456789, 2025-11-03 10:15:04.123456",
    "2024-02-29 23:59:59.999999, 2024-02-29 23:59:59.999999"
  })
  void storedTextKeepsMicroseconds(String text, String stored) {
    assertEquals(stored, Timestamps.formatStored(Timestamps.parseStored(text)));
  }

  @ParameterizedTest(name = "invalid stored ''{0}''")
  @ValueSource(
      strings = {
        "",
        "2025-11-03",
        "2025-11-03T10:15:04",
        "2025-13-03 10:15:04",
        "2025-02-30 10:15:04",
        "2025-11-03 10:15:04.",
        "2025-11-03 10:15:04.1234567890",
        "2025-11-03 24:00:00",
        "garbage!"
      })
  void malformedStoredText(String text) {
    assertEquals(Long.MIN_VALUE, Timestamps.parseStored(text));
  }

  @ParameterizedTest(name = "user ''{0}''")
  @CsvSource({
    "2025-11-03 10:15:04, 2025-11-03 10:15:04",
    "2025-1-3 9:05:00, 2025-01-03 09:05:00",
    "2024-02-29 0:0:0, 2024-02-29 00:00:00"
  })
  void userTimeStrings(String text, String formatted) {
    assertEquals(formatted, Timestamps.formatSeconds(Timestamps.parseUser(text)));
  }

  @ParameterizedTest(name = "invalid user ''{0}''")
  @ValueSource(
      strings = {
        "2025-11-03", "2025-11-03  10:15:04", " 2025-11-03 10:15:04", "2025-11-03 10:15:04 ",
        "2025-11-03 10:15:04.5", "25-11-03 10:15:04", "2025-02-29 10:00:00", "2025-11-03 10:60:00",
        "2025-111-03 10:15:04", "2025-11-03T10:15:04"
      })
  void invalidUserTimeStrings(String text) {
    assertEquals(Long.MIN_VALUE, Timestamps.parseUser(text));
  }

  @ParameterizedTest(name = "floor {0} by {1} min = {2}")
  @CsvSource({
    "2025-11-03 10:00:05.123456, 15, 2025-11-03 10:00:00",
    "2025-11-03 10:15:04.654321, 15, 2025-11-03 10:15:00",
    "2025-11-03 10:14:59.999999, 15, 2025-11-03 10:00:00",
    "2025-11-03 10:00:05.000000, 7, 2025-11-03 09:56:00", // epoch-aligned, SEMANTICS §7.1
    "2025-11-03 10:59:00.000000, 60, 2025-11-03 10:00:00"
  })
  void bucketFloor(String ts, int minutes, String bucket) {
    long t = Timestamps.parseStored(ts);
    assertEquals(bucket, Timestamps.formatSeconds(Timestamps.floor(t, minutes)));
  }
}
