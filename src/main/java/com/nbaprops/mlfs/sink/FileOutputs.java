package com.nbaprops.mlfs.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/** Whole-file replacement through Beam's {@link FileSystems} (local paths and {@code gs://}). */
public final class FileOutputs {
  private FileOutputs() {}

  /** Joins a folder and a relative path. */
  public static String path(String dir, String... parts) {
    StringBuilder sb = new StringBuilder(dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir);
    for (String p : parts) {
      sb.append('/').append(p);
    }
    return sb.toString();
  }

  /** Writes the lines (each followed by a newline) to a temporary file, then renames it in place. */
  public static void replace(String path, List<String> lines, String tmpSuffix) throws IOException {
    replaceBytes(path, lines.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList(),
        tmpSuffix);
  }

  /** {@link #replace} for lines already encoded as UTF-8. */
  public static void replaceBytes(String path, List<byte[]> lines, String tmpSuffix)
      throws IOException {
    replaceBytes(path, lines, tmpSuffix, false);
  }

  /**
   * {@link #replace} for UTF-8 lines, optionally gzip-compressed (deterministic: Java writes no
   * modification time into the gzip header).
   */
  public static void replaceBytes(String path, List<byte[]> lines, String tmpSuffix,
      boolean gzip) throws IOException {
    replaceWith(path, tmpSuffix, gzip, out -> {
      for (byte[] line : lines) {
        out.write(line);
        out.write('\n');
      }
    });
  }

  /** What writes a file's content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * {@link #replaceBytes} with the content streamed by {@code content} (which writes whole lines,
   * each with its newline): a temporary file renamed over the old one.
   */
  public static void replaceWith(String path, String tmpSuffix, boolean gzip, Content content)
      throws IOException {
    ResourceId dst = FileSystems.matchNewResource(path, false);
    ResourceId tmp = FileSystems.matchNewResource(path + LocalRecovery.TMP_MARK + tmpSuffix,
        false);
    try (WritableByteChannel ch = FileSystems.create(tmp, gzip ? MimeTypes.BINARY : MimeTypes.TEXT);
        OutputStream raw = Channels.newOutputStream(ch);
        OutputStream out = new java.io.BufferedOutputStream(
            gzip ? new java.util.zip.GZIPOutputStream(raw, 1 << 16) : raw, 1 << 16)) {
      content.writeTo(out);
    }
    FileSystems.rename(List.of(tmp), List.of(dst));
  }

  /** Lines of a file (gunzipped when it ends with .gz), 0 when it does not exist. */
  public static long countLines(String path) throws IOException {
    ResourceId file = existing(path);
    if (file == null) {
      return 0;
    }
    long n = 0;
    java.io.InputStream raw = Channels.newInputStream(FileSystems.open(file));
    try (java.io.InputStream in = new java.io.BufferedInputStream(
        path.endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw) : raw)) {
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          n++;
        }
      }
    }
    return n;
  }

  /** The non-empty lines of a file (gunzipped when it ends with .gz); none when it does not exist. */
  public static List<String> readLines(String path) throws IOException {
    ResourceId file = existing(path);
    if (file == null) {
      return List.of();
    }
    java.io.InputStream raw = Channels.newInputStream(FileSystems.open(file));
    List<String> lines = new java.util.ArrayList<>();
    try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
        path.endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw) : raw,
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  /** Removes a local folder if it is empty (remote stores have no folders to remove). */
  public static void deleteEmptyFolder(String dir) throws IOException {
    if (!OutputFolder.isLocal(dir)) {
      return;
    }
    java.nio.file.Path p = java.nio.file.Path.of(dir);
    try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(p)) {
      if (s.findAny().isEmpty()) {
        java.nio.file.Files.deleteIfExists(p);
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // nothing to remove
    }
  }

  /** Deletes the file if it exists; returns whether it existed. */
  public static boolean deleteIfExists(String path) throws IOException {
    ResourceId file = existing(path);
    if (file == null) {
      return false;
    }
    FileSystems.delete(List.of(file), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    return true;
  }

  /**
   * The file at {@code path} if it exists, else null. A local path is checked directly: Beam's
   * local {@code match} of a missing file walks its parent folder looking for a glob match, and a
   * table folder holds a folder per date, so every miss listed hundreds of entries (most of a
   * season backfill's write time).
   */
  static ResourceId existing(String path) throws IOException {
    if (OutputFolder.isLocal(path)) {
      return java.nio.file.Files.isRegularFile(java.nio.file.Path.of(path))
          ? FileSystems.matchNewResource(path, false) : null;
    }
    MatchResult m = FileSystems.match(path, EmptyMatchTreatment.ALLOW);
    return m.status() != MatchResult.Status.OK || m.metadata().isEmpty() ? null
        : m.metadata().get(0).resourceId();
  }
}
