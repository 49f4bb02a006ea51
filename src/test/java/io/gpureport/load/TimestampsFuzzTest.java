package io.gpureport.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random inputs for the two time parsers: they answer or reject, never throw. */
class TimestampsFuzzTest {
  private static final String ALPHABET = "0123456789-: .T+eZ\u00e9\u0000";

  private static String mutate(Random r, String seed) {
    StringBuilder b = new StringBuilder(seed);
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int op = r.nextInt(3);
      int pos = b.length() == 0 ? 0 : r.nextInt(b.length());
      char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
      if (op == 0 && b.length() > 0) {
        b.setCharAt(pos, c);
      } else if (op == 1) {
        b.insert(pos, c);
      } else if (b.length() > 0) {
        b.deleteCharAt(pos);
      }
    }
    return b.toString();
  }

  @Test
  void storedParserNeverThrowsAndRoundTripsWhatItAccepts() {
    Random r = new Random(20251103);
    for (int i = 0; i < 20_000; i++) {
      String s = mutate(r, "2025-11-03 10:15:04.654321");
      long t = Timestamps.parseStored(s);
      if (t != Long.MIN_VALUE) {
        // an accepted value formats back to the same instant
        assertEquals(t, Timestamps.parseStored(Timestamps.formatStored(t)), s);
        assertTrue(s.startsWith(Timestamps.formatSeconds(t)), s);
      }
    }
  }

  @Test
  void userParserNeverThrowsAndAcceptsOnlyValidTimes() {
    Random r = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      String s = mutate(r, "2025-1-3 9:05:00");
      long t = Timestamps.parseUser(s);
      if (t != Long.MIN_VALUE) {
        assertEquals(t, Timestamps.parseUser(Timestamps.formatSeconds(t)), s);
      }
    }
  }
}
