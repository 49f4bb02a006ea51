package io.gpureport.classify;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Device display names (docs/metrics.md, "Device display names") and the two forms of the old-GPU
 * filter (docs/metrics.md, "Old-GPU model filter", L8).
 */
public final class DeviceModels {
  /** The model whose user table is reported separately. */
  public static final String H200 = "NVIDIA H200";

  private static final List<String> OLD_MODELS =
      List.of("GTX 1080", "P100", "Quadro", "A30", "A40");
  private static final Pattern OLD_MODEL_REGEX =
      Pattern.compile(String.join("|", OLD_MODELS), Pattern.CASE_INSENSITIVE);

  private static final Map<String, String> DISPLAY =
      Map.ofEntries(
          Map.entry("NVIDIA A100-SXM4-40GB", "A100 40GB"),
          Map.entry("NVIDIA A100-SXM4-80GB", "A100 80GB"),
          Map.entry("NVIDIA A30", "A30"),
          Map.entry("NVIDIA A40", "A40"),
          Map.entry("NVIDIA GeForce GTX 1080 Ti", "GTX 1080 Ti"),
          Map.entry("NVIDIA GeForce RTX 2080 Ti", "RTX 2080 Ti"),
          Map.entry("NVIDIA H100 80GB HBM3", "H100 80GB"),
          Map.entry("NVIDIA H200", "H200"),
          Map.entry("NVIDIA L40", "L40"),
          Map.entry("NVIDIA L40S", "L40S"),
          Map.entry("Quadro RTX 6000", "Quadro RTX 6000"),
          Map.entry("Tesla P100-PCIE-16GB", "Tesla P100 16GB"));

  private static final Pattern OLD_MODEL_WORDS =
      Pattern.compile("\\b(" + String.join("|", OLD_MODELS) + ")\\b");

  private DeviceModels() {}

  /**
   * The one old-model filter of the rule set corrected (C10): case-sensitive regex find on whole
   * words; NULL names are not old.
   */
  public static boolean isOld(String raw) {
    return raw != null && OLD_MODEL_WORDS.matcher(raw).find();
  }

  /** The display name of a raw device name; unknown names are shown raw. */
  public static String displayName(String raw) {
    return DISPLAY.getOrDefault(raw, raw);
  }

  /** Device-statistics form: case-sensitive substring of any old-model string. */
  public static boolean isOldBySubstring(String raw) {
    for (String old : OLD_MODELS) {
      if (raw.contains(old)) {
        return true;
      }
    }
    return false;
  }

  /** Backfill-user-table form: case-insensitive regex find; NULL names are not old. */
  public static boolean isOldByRegex(String raw) {
    return raw != null && OLD_MODEL_REGEX.matcher(raw).find();
  }

  /** Whether {@code p} finds a match in the raw or display name of one of {@code devices}. */
  public static boolean anyMatches(Pattern p, List<String> devices) {
    for (String d : devices) {
      if (p.matcher(d).find() || p.matcher(displayName(d)).find()) {
        return true;
      }
    }
    return false;
  }
}
