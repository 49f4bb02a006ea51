package io.gpureport.collect;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the two GPU list attributes, {@code AssignedGPUs} and {@code AvailableGPUs}
 * (docs/metrics.md, "How collect builds the rows").
 */
final class GpuIdLists {
  private static final String EXPR_OPEN = "/Expr(";
  private static final String EXPR_CLOSE = ")/";
  private static final String ATTRIBUTE_PREFIX = "GPUs_";

  private GpuIdLists() {}

  /**
   * The ids of {@code AssignedGPUs}: a comma-separated {@code String} split on {@code ,}, or a
   * {@code List} of strings (a JSON array), each element trimmed; empty elements are kept. {@code
   * null} stays {@code null}.
   */
  static List<String> assigned(Object raw) {
    if (raw == null) {
      return null;
    }
    List<String> ids = new ArrayList<>();
    if (raw instanceof String s) {
      for (String element : s.split(",", -1)) {
        ids.add(element.trim());
      }
    } else {
      for (Object element : (List<?>) raw) {
        ids.add(element.toString().trim());
      }
    }
    return ids;
  }

  /**
   * The elements of {@code AvailableGPUs}: a ClassAd list string such as {@code "{ GPUs_GPU_a,
   * GPUs_GPU_b }"}, optionally wrapped in {@code /Expr(…)/}, or a JSON array of such references.
   * Every {@code GPUs_} is removed and empty elements are dropped; {@code null} is the empty list.
   */
  static List<String> available(Object raw) {
    List<String> result = new ArrayList<>();
    if (raw == null) {
      return result;
    }
    if (raw instanceof String s) {
      String body = unwrapExpression(s.trim());
      if (body.startsWith("{")) {
        body = body.substring(1);
      }
      if (body.endsWith("}")) {
        body = body.substring(0, body.length() - 1);
      }
      for (String element : body.split(",", -1)) {
        addReference(result, element);
      }
    } else {
      for (Object element : (List<?>) raw) {
        addReference(result, unwrapExpression(element.toString().trim()));
      }
    }
    return result;
  }

  private static void addReference(List<String> result, String element) {
    String id = element.trim().replace(ATTRIBUTE_PREFIX, "").trim();
    if (!id.isEmpty()) {
      result.add(id);
    }
  }

  private static String unwrapExpression(String s) {
    if (s.length() >= EXPR_OPEN.length() + EXPR_CLOSE.length()
        && s.startsWith(EXPR_OPEN)
        && s.endsWith(EXPR_CLOSE)) {
      return s.substring(EXPR_OPEN.length(), s.length() - EXPR_CLOSE.length()).trim();
    }
    return s;
  }
}
