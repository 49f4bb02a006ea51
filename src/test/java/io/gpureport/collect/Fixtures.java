package io.gpureport.collect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test inputs: the C1 fixture, fixed clocks, and collectors that record their status lines. */
final class Fixtures {
  /** The timestamp of {@link #T1}, as stored. */
  static final String T1_STORED = "2025-11-03 10:15:04.654321";

  static final Clock T1 = at("2025-11-03T10:15:04.654321Z");
  static final Clock T2 = at("2025-11-03T10:30:05.000001Z");

  private Fixtures() {}

  /** A fixed clock in UTC, so the naive local time equals the instant's UTC fields. */
  static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  /** The bytes of {@code collect-input.json} (SEMANTICS example, case C1). */
  static byte[] collectInput() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/collect/collect-input.json")) {
      if (in == null) {
        throw new IllegalStateException("missing test resource collect/collect-input.json");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the C1 fixture into {@code dir} and returns its path. */
  static Path writeCollectInput(Path dir) throws IOException {
    return Files.write(dir.resolve("collect-input.json"), collectInput());
  }

  /** Writes {@code json} into {@code dir} and returns its path. */
  static Path writeInput(Path dir, String json) throws IOException {
    Path file = Files.createTempFile(dir, "input-", ".json");
    return Files.writeString(file, json, StandardCharsets.UTF_8);
  }

  /** A request that reads {@code input} and writes into {@code dataDir}. */
  static CollectRequest fromFile(Path dataDir, Path input) {
    return new CollectRequest(
        dataDir, input.toString(), "condor_status", null, Duration.ofSeconds(5), false);
  }

  /** A collector with a fixed clock whose status lines go to {@code status}. */
  static Collector collector(Clock clock, StringWriter status) {
    return collector(clock, new byte[0], status);
  }

  /** A collector with a fixed clock that reads {@code stdin} for {@code --input -}. */
  static Collector collector(Clock clock, byte[] stdin, StringWriter status) {
    return new Collector(clock, () -> new ByteArrayInputStream(stdin), new PrintWriter(status));
  }
}
