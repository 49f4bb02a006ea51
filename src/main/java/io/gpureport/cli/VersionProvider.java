package io.gpureport.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteJDBCLoader;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code --version} lines: gpureport's version (written by the build), the Java runtime and the
 * SQLite library (no Tablesaw on this path: its class initialisation is slow).
 */
final class VersionProvider implements IVersionProvider {
  /** sqlite-jdbc 3.54.1.0 bundles SQLite 3.54.1. */
  private static final Pattern DRIVER_VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+)\\.\\d+");

  @Override
  public String[] getVersion() {
    return new String[] {gpureport(), java(), sqlite()};
  }

  /** {@code gpureport 0.1.0}: the version the build wrote into {@code version.properties}. */
  static String gpureport() {
    Properties p = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/io/gpureport/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown": --version never fails
    }
    return "gpureport " + p.getProperty("version", "unknown");
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
   * {@code SQLite 3.54.1 (sqlite-jdbc 3.54.1.0)}: the bundled library's version is the driver's
   * without its last digit (sqlite-jdbc's numbering). Loading the native library to ask it would
   * add about 0.25 s to {@code --version}; VersionTest checks the two agree.
   */
  static String sqlite() {
    String driver = SQLiteJDBCLoader.getVersion();
    Matcher m = DRIVER_VERSION.matcher(driver);
    return "SQLite " + (m.matches() ? m.group(1) : "unknown") + " (sqlite-jdbc " + driver + ")";
  }
}
