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
    ResourceId dst = FileSystems.matchNewResource(path, false);
    ResourceId tmp = FileSystems.matchNewResource(path + ".tmp-" + tmpSuffix, false);
    try (WritableByteChannel ch = FileSystems.create(tmp, MimeTypes.TEXT);
        OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
      for (byte[] line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
    FileSystems.rename(List.of(tmp), List.of(dst));
  }

  /** Lines of a file, 0 when it does not exist. */
  public static long countLines(String path) throws IOException {
    MatchResult m = FileSystems.match(path, EmptyMatchTreatment.ALLOW);
    if (m.status() != MatchResult.Status.OK || m.metadata().isEmpty()) {
      return 0;
    }
    long n = 0;
    try (java.io.InputStream in = new java.io.BufferedInputStream(Channels.newInputStream(
        FileSystems.open(m.metadata().get(0).resourceId())))) {
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          n++;
        }
      }
    }
    return n;
  }

  /** Deletes the file if it exists; returns whether it existed. */
  public static boolean deleteIfExists(String path) throws IOException {
    MatchResult m = FileSystems.match(path, EmptyMatchTreatment.ALLOW);
    if (m.status() != MatchResult.Status.OK || m.metadata().isEmpty()) {
      return false;
    }
    FileSystems.delete(List.of(m.metadata().get(0).resourceId()),
        MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    return true;
  }
}
