package io.gpureport.rollup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The rollup cache's files (docs/decisions/0005-rollups.md, "Store"): one file per entry under
 * {@code DIR/rollups/}, named by the SHA-256 of its key, holding a magic, the format and program
 * versions, the full key and validity facts (compared on read: a hash collision or a stale entry is
 * a miss), and the payload. Written to a temporary file and renamed atomically, so a reader sees a
 * whole entry or none, and of two concurrent writers the last rename wins (both wrote the same
 * bytes). Least recently used entries (file modification time, set on every hit) are evicted above
 * the size bound. Any failure is one warning and the entry is computed without the cache; the
 * report never fails because of it.
 */
public final class RollupStore {
  /** Bytes kept at most (a year of the device tables of a 750-GPU pool is about 30 MB). */
  public static final long DEFAULT_MAX_BYTES = 256L << 20;

  private static final int MAGIC = 0x47525055; // "GRPU"
  private static final int FORMAT = 1;
  private static final String SUFFIX = ".part";

  private final Path dir;
  private final Consumer<String> warn;
  private boolean readable;
  private boolean writable;
  private boolean warned;

  private RollupStore(Path dir, Consumer<String> warn, boolean usable) {
    this.dir = dir;
    this.warn = warn;
    this.readable = usable;
    this.writable = usable;
  }

  /**
   * The store under {@code cacheDir}; {@code warn} gets at most one line (without the {@code
   * Warning: } prefix) for the whole run.
   */
  public static RollupStore open(Path cacheDir, Consumer<String> warn) {
    Path dir = cacheDir.resolve("rollups");
    try {
      Files.createDirectories(dir);
      return new RollupStore(dir, warn, true);
    } catch (IOException | RuntimeException e) {
      RollupStore s = new RollupStore(dir, warn, false);
      s.warn(dir, e);
      return s;
    }
  }

  /** gpureport's version, as the build wrote it; part of every entry. */
  public static String programVersion() {
    Properties p = new Properties();
    try (InputStream in =
        RollupStore.class.getResourceAsStream("/io/gpureport/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // "unknown": entries of an unknown build are still checked against it
    }
    return p.getProperty("version", "unknown");
  }

  /** The payload stored for {@code key} if its facts are {@code facts}, else empty (a miss). */
  public Optional<byte[]> read(String key, String facts) {
    return read(key).filter(e -> e.facts().equals(facts)).map(Entry::payload);
  }

  /** A stored entry: the validity facts it was written with, and its payload. */
  public record Entry(String facts, byte[] payload) {}

  /**
   * The entry stored for {@code key}, whatever its facts (the caller judges them), or empty: none,
   * another key of the same hash, or unreadable (one warning).
   */
  public Optional<Entry> read(String key) {
    if (!readable) {
      return Optional.empty();
    }
    Path file = dir.resolve(name(key));
    try {
      byte[] all = Files.readAllBytes(file);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
      if (in.readInt() != MAGIC) {
        throw new IOException("not a rollup entry");
      }
      int format = in.readInt();
      String version = in.readUTF();
      if (format != FORMAT || !version.equals(programVersion())) {
        // keys name the version, so only a foreign file gets here: warned about, then overwritten
        throw new IOException("entry of format " + format + " written by gpureport " + version);
      }
      String storedKey = readString(in);
      String storedFacts = readString(in);
      byte[] payload = new byte[in.readInt()];
      in.readFully(payload);
      if (in.available() != 0) {
        throw new IOException("trailing bytes");
      }
      if (!storedKey.equals(key)) {
        return Optional.empty();
      }
      touch(file);
      return Optional.of(new Entry(storedFacts, payload));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      warn(file, e);
      return Optional.empty();
    }
  }

  /** Stores {@code payload} for {@code key} and {@code facts}, replacing any entry. */
  public void write(String key, String facts, byte[] payload) {
    if (!writable) {
      return;
    }
    Path tmp = null;
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + key.length() + 256);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      out.writeUTF(programVersion());
      writeString(out, key);
      writeString(out, facts);
      out.writeInt(payload.length);
      out.write(payload);
      out.flush();
      tmp = Files.createTempFile(dir, ".tmp-", SUFFIX + ".tmp");
      Files.write(tmp, bytes.toByteArray());
      Path file = dir.resolve(name(key));
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException | RuntimeException e) {
      writable = false;
      warn(dir, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // left for clear
        }
      }
    }
  }

  /** An entry whose payload could not be decoded: one warning, and a miss. */
  public void damaged(String key, Exception e) {
    warn(dir.resolve(name(key)), e);
  }

  /** The entries and their bytes. */
  public record Stats(Path dir, int entries, long bytes) {}

  /** Counts the entries (without reading them). */
  public Stats stats() {
    long bytes = 0;
    int n = 0;
    for (Path p : entries()) {
      try {
        bytes += Files.size(p);
        n++;
      } catch (IOException e) {
        // removed meanwhile
      }
    }
    return new Stats(dir, n, bytes);
  }

  /**
   * Deletes least recently used entries until at most {@code maxBytes} remain; also temporary files
   * an interrupted writer left more than an hour ago.
   */
  public void evict(long maxBytes) {
    if (!writable) {
      return;
    }
    record Item(Path path, long size, long used) {}
    List<Item> items = new ArrayList<>();
    long total = 0;
    long hourAgo = System.currentTimeMillis() - 3_600_000;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        long used = Files.getLastModifiedTime(p).toMillis();
        if (n.startsWith(".tmp-")) {
          if (used < hourAgo) {
            Files.deleteIfExists(p);
          }
        } else if (n.endsWith(SUFFIX)) {
          long size = Files.size(p);
          items.add(new Item(p, size, used));
          total += size;
        }
      }
      if (total <= maxBytes) {
        return;
      }
      items.sort(Comparator.comparingLong(Item::used));
      for (Item it : items) {
        if (total <= maxBytes) {
          break;
        }
        Files.deleteIfExists(it.path());
        total -= it.size();
      }
    } catch (IOException | RuntimeException e) {
      warn(dir, e);
    }
  }

  /** Deletes every entry; the number deleted. */
  public int clear() throws IOException {
    int n = 0;
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (name.endsWith(SUFFIX) || name.startsWith(".tmp-")) {
          Files.deleteIfExists(p);
          n++;
        }
      }
    }
    return n;
  }

  private List<Path> entries() {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      ds.forEach(out::add);
    } catch (IOException e) {
      warn(dir, e);
    }
    return out;
  }

  private void warn(Path where, Exception e) {
    if (!warned) {
      warned = true;
      String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      warn.accept(
          "rollup cache "
              + where
              + ": "
              + e.getClass().getSimpleName()
              + " "
              + reason
              + "; computing without it");
    }
  }

  private static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // a read-only cache is still read
    }
  }

  static String name(String key) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8))) + SUFFIX;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("truncated entry");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
