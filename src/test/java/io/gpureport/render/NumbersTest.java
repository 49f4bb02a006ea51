package io.gpureport.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
  @ParameterizedTest(name = "f1({0}) = {1}")
  @CsvSource({
    "0.25, 0.2",
    "0.75, 0.8",
    "1.25, 1.2",
    "2.5, 2.5",
    "33.35, 33.4",
    "0.35, 0.3", // binary value lies just below the half
    "66.66666666666666, 66.7",
    "0.0, 0.0",
    "100.0, 100.0",
    "0.05, 0.1", // 0.05 is just above the half in binary
    "1080.0, 1080.0"
  })
  void oneDecimalHalfEvenFromBinary(double x, String expected) {
    assertEquals(expected, Numbers.f1(x));
  }

  @ParameterizedTest(name = "json({0}) = {1}")
  @CsvSource({
    "66.66666666666666, 66.66666666666666",
    "58.333333333333336, 58.333333333333336",
    "60.0, 60.0",
    "0.1, 0.1",
    "1080.0, 1080.0",
    "0.5, 0.5"
  })
  void shortestRoundTrip(double x, String expected) {
    assertEquals(expected, Numbers.json(x));
    assertEquals(x, Double.parseDouble(Numbers.json(x)));
  }

  @ParameterizedTest(name = "thousands({0}) = {1}")
  @CsvSource({"2, 2", "1234, '1,234'", "4500000, '4,500,000'"})
  void thousands(long n, String expected) {
    assertEquals(expected, Numbers.thousands(n));
  }

  @ParameterizedTest(name = "period({0}) = {1}")
  @CsvSource({"0, 0 hours", "1, 1 hour", "24, 24 hours", "168, 168 hours"})
  void periodPhrase(int hours, String expected) {
    assertEquals(expected, TextReport.period(hours));
  }
}
