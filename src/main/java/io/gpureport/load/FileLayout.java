package io.gpureport.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the loader needs to know about a file's layout to split its reading in two. */
final class FileLayout {
  private FileLayout() {}

  /**
   * The {@code [min, max]} rowids of a file without an index whose first column is {@code
   * timestamp}, or null when it has one (or is empty).
   */
  static long[] rowidRangeUnlessIndexed(Path file) {
    try (Connection c = Databases.openReadOnly(file);
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT 1 FROM pragma_index_list('gpu_state') AS l"
                  + " JOIN pragma_index_info(l.name) AS i"
                  + " WHERE i.seqno = 0 AND i.name = 'timestamp'")) {
        if (rs.next()) {
          return null;
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT min(rowid), max(rowid) FROM gpu_state")) {
        if (!rs.next() || rs.getLong(2) <= 0) {
          return null;
        }
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    } catch (SQLException e) {
      throw Databases.unreadable(file, e);
    }
  }
}
