package io.gpureport.cli;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code --version} lines: gpureport's version (from the jar manifest), the Java runtime and
 * the SQLite library (no Tablesaw on this path: its class initialisation is slow).
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {gpureport(), java(), sqlite()};
  }

  /** {@code gpureport 0.1.0}, or {@code gpureport dev} outside the jar. */
  static String gpureport() {
    String v = GpuReportCommand.class.getPackage().getImplementationVersion();
    return "gpureport " + (v == null ? "dev" : v);
  }

  /** {@code Java 17.0.15 (Debian)}: the running JVM's version and vendor. */
  static String java() {
    return "Java "
        + System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vendor")
        + ")";
  }

  /**
   * {@code SQLite 3.54.1 (sqlite-jdbc 3.54.1.0)}: the native library's version, asked from an
   * in-memory database, and the driver's; says why when the library cannot be loaded.
   */
  static String sqlite() {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      DatabaseMetaData meta = c.getMetaData();
      return "SQLite "
          + meta.getDatabaseProductVersion()
          + " (sqlite-jdbc "
          + meta.getDriverVersion()
          + ")";
    } catch (SQLException | LinkageError e) {
      return "SQLite unavailable: " + e;
    }
  }
}
