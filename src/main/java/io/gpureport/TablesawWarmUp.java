package io.gpureport;

/**
 * Initialises Tablesaw's {@code Table} class on a background thread. Its static initialiser scans
 * the class path (~0.5 s); done this way it overlaps the first SQLite query instead of adding to it.
 */
final class TablesawWarmUp {
  private TablesawWarmUp() {}

  static void start() {
    Thread t =
        new Thread(
            () -> {
              try {
                Class.forName("tech.tablesaw.api.Table", true, TablesawWarmUp.class.getClassLoader());
              } catch (ClassNotFoundException | LinkageError e) {
                // the load stage will report the same problem in the foreground
              }
            },
            "tablesaw-warm-up");
    t.setDaemon(true);
    t.start();
  }
}
