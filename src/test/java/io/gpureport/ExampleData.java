package io.gpureport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The worked example of SEMANTICS Appendix A, built into a scratch directory for tests. */
public final class ExampleData {
  private ExampleData() {}

  /** Copies the configuration files and builds {@code gpu_state_2025-11.db} in {@code dir}. */
  public static Path build(Path dir) throws IOException, SQLException {
    copy("masked_hosts.yaml", dir);
    copy("chtc_owned_hosts.txt", dir);
    executeScript(dir.resolve("gpu_state_2025-11.db"), resource("gpu_state_2025-11.sql"));
    return dir;
  }

  /**
   * Copies the configuration files and builds {@code gpu_state_2025-11.db} of the corrected rules'
   * worked example (CORRECTED Appendix A: the two collector columns of F8) in {@code dir}.
   */
  public static Path buildCorrected(Path dir) throws IOException, SQLException {
    copy("masked_hosts.yaml", dir);
    copy("chtc_owned_hosts.txt", dir);
    executeScript(dir.resolve("gpu_state_2025-11.db"), resource("gpu_state_2025-11-corrected.sql"));
    return dir;
  }

  /** Adds the December file of the monthly setup (the T2 rows re-stamped). */
  public static void addDecemberFile(Path dir) throws IOException, SQLException {
    Path dec = dir.resolve("gpu_state_2025-12.db");
    executeScript(dec, resource("gpu_state_2025-11.sql"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dec);
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM gpu_state WHERE timestamp < '2025-11-03 10:15:00'");
      s.executeUpdate("UPDATE gpu_state SET timestamp = '2025-12-01 00:10:03.000001'");
    }
  }

  /** Runs a SQL script (statements separated by {@code ;} at line ends) against a new file. */
  public static void executeScript(Path db, String script) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      StringBuilder stmt = new StringBuilder();
      for (String line : script.split("\n")) {
        if (line.startsWith("--")) {
          continue;
        }
        stmt.append(line).append('\n');
        if (line.trim().endsWith(";")) {
          s.execute(stmt.toString());
          stmt.setLength(0);
        }
      }
    }
  }

  /** The text of a resource under {@code /example/}. */
  public static String resource(String name) throws IOException {
    try (InputStream in = ExampleData.class.getResourceAsStream("/example/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource /example/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void copy(String name, Path dir) throws IOException {
    Files.writeString(dir.resolve(name), resource(name), StandardCharsets.UTF_8);
  }
}
