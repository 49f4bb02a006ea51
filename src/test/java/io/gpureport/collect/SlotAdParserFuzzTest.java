package io.gpureport.collect;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gpureport.errors.GpuReportException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Seeded, bounded fuzzing of the JSON and ClassAd-list parsing: a mutated document either parses or
 * fails with {@link GpuReportException}, never with anything else.
 */
class SlotAdParserFuzzTest {
  private static final long SEED = 0x5EED_C011EC7L;
  private static final int CASES = 2_000;
  private static final byte[] TOKENS =
      "[]{}:,\"\\/ \n\t0123456789.-+eEtrufalsnGPU_sExpr(){}".getBytes(StandardCharsets.US_ASCII);

  @Test
  void mutatedDocumentsParseOrFailCleanly() {
    Random random = new Random(SEED);
    byte[] fixture = Fixtures.collectInput();
    int parsed = 0;
    int rejected = 0;
    for (int i = 0; i < CASES; i++) {
      byte[] input = mutate(fixture, random);
      try {
        List<SlotAd> ads = parseAll(input);
        SnapshotRows rows = new SnapshotRows(Fixtures.T1_STORED);
        Consumer<GpuStateRow> ignore = r -> {};
        ads.forEach(ad -> rows.explode(ad, ignore));
        parsed++;
      } catch (GpuReportException e) {
        assertTrue(e.getMessage() != null && !e.getMessage().contains("\n"), e.getMessage());
        rejected++;
      } catch (RuntimeException | Error e) {
        fail("case " + i + " threw " + e + " for input:\n" + printable(input), e);
      }
    }
    assertTrue(parsed > CASES / 20, "too few mutants parsed: " + parsed);
    assertTrue(rejected > CASES / 20, "too few mutants rejected: " + rejected);
  }

  @Test
  void randomClassAdListStringsNeverThrow() {
    Random random = new Random(SEED + 1);
    String alphabet = "{} ,/()ExprGPUs_GPU_MIG_ab-\t";
    for (int i = 0; i < CASES; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(24);
      for (int j = 0; j < length; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = s.toString();
      for (String element : GpuIdLists.available(text)) {
        assertTrue(!element.isEmpty() && element.equals(element.trim()), text + " gave " + element);
      }
      GpuIdLists.available(List.of(text, text));
      GpuIdLists.assigned(text);
    }
  }

  private static List<SlotAd> parseAll(byte[] input) {
    List<SlotAd> ads = new ArrayList<>();
    try (SlotAdParser parser = SlotAdParser.open(new ByteArrayInputStream(input), "fuzz")) {
      for (SlotAd ad = parser.next(); ad != null; ad = parser.next()) {
        ads.add(ad);
      }
    }
    return ads;
  }

  /** One to three random edits: truncate, flip, insert, delete or duplicate a range. */
  private static byte[] mutate(byte[] original, Random random) {
    byte[] b = original;
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      if (b.length == 0) {
        break;
      }
      int at = random.nextInt(b.length);
      switch (random.nextInt(6)) {
        case 0 -> b = Arrays.copyOf(b, at);
        case 1 -> {
          b = b.clone();
          b[at] = (byte) random.nextInt(256);
        }
        case 2 -> {
          b = b.clone();
          b[at] = TOKENS[random.nextInt(TOKENS.length)];
        }
        case 3 -> b = splice(b, at, new byte[] {TOKENS[random.nextInt(TOKENS.length)]}, 0);
        case 4 -> b = splice(b, at, new byte[0], 1 + random.nextInt(Math.min(40, b.length - at)));
        default -> {
          int len = 1 + random.nextInt(Math.min(60, b.length - at));
          b = splice(b, at, Arrays.copyOfRange(b, at, at + len), 0);
        }
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int at, byte[] insert, int remove) {
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }

  private static String printable(byte[] input) {
    return new String(input, StandardCharsets.ISO_8859_1);
  }
}
