package io.gpureport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code gpureport --version}: gpureport's, Java's and SQLite's versions, on every command. */
class VersionTest {
  /**
   * The library version as SQLite itself reports it; the provider derives it from the driver's
   * version without loading the library, so this checks the derivation.
   */
  private static String sqliteVersion() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "report", "collect", "sample", "index"})
  void printsThreeVersionLines(String command) throws Exception {
    CliResult r = command.isEmpty() ? Cli.run("--version") : Cli.run(command, "--version");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(3, lines.size(), r.out());
    // the classes directory has no manifest; the jar says 0.1.0
    assertTrue(lines.get(0).matches("gpureport \\d+\\.\\d+\\.\\d+.*"), lines.get(0));
    assertEquals(
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")",
        lines.get(1));
    String sqlite = sqliteVersion();
    assertTrue(sqlite.matches("\\d+\\.\\d+\\.\\d+"), sqlite);
    assertEquals(
        "SQLite " + sqlite + " (sqlite-jdbc " + org.sqlite.SQLiteJDBCLoader.getVersion() + ")",
        lines.get(2));
  }
}
