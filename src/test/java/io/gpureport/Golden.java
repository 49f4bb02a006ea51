package io.gpureport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison: text byte for byte, JSON as values. With {@code -Dgolden.update=true} the
 * expected file under {@code src/test/resources/golden} is rewritten instead.
 */
public final class Golden {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Golden() {}

  /** The source folder of a golden case. */
  public static Path sourceDir(String caseName) {
    return Path.of("src", "test", "resources", "golden", caseName);
  }

  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  /** Asserts that {@code actual} equals {@code golden/<case>/<file>}, or rewrites it. */
  public static void check(String caseName, String file, String actual) throws IOException {
    Path expectedFile = sourceDir(caseName).resolve(file);
    if (updating()) {
      Files.createDirectories(expectedFile.getParent());
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
    if (file.endsWith(".json")) {
      JsonNode e = JSON.readTree(expected);
      JsonNode a = JSON.readTree(actual);
      assertEquals(e.toPrettyString(), a.toPrettyString(), caseName + ": JSON differs");
      assertEquals(e, a, caseName + ": JSON values differ");
    } else {
      assertEquals(expected, actual, caseName + ": text differs");
    }
  }
}
