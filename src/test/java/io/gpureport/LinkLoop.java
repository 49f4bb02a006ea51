package io.gpureport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Two symbolic links that point at each other, for the ELOOP cases of the path checks. */
public final class LinkLoop {
  private LinkLoop() {}

  /** Creates {@code dir/a -> b} and {@code dir/b -> a}; returns {@code dir/a}. */
  public static Path in(Path dir) throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    return a;
  }
}
