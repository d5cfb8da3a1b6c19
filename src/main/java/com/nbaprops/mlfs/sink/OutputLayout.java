package com.nbaprops.mlfs.sink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The local layout of the date-partitioned outputs, in one place: Hive-style folders
 * {@code TABLE/game_date=YYYY-MM-DD/part-00000.ndjson} (or {@code .ndjson.gz} with
 * {@code --compressOutputs}), which Spark, pyarrow and DuckDB discover as a {@code game_date}
 * partition. Readers also accept the layout of earlier versions, {@code TABLE/game_date=D.ndjson};
 * a writer replacing a date removes every other form of it.
 */
public final class OutputLayout {
  private OutputLayout() {}

  public static final String PART = "part-00000.ndjson";

  /** The folder of one date of one table, relative to the output folder. */
  public static String dateFolder(String table, LocalDate d) {
    return table + "/game_date=" + d;
  }

  /** The file a run writes for one date of one table, relative to the output folder. */
  public static String datePath(String table, LocalDate d, boolean compressed) {
    return dateFolder(table, d) + "/" + PART + (compressed ? ".gz" : "");
  }

  /** Every relative path a date of a table may be stored under: current plain, gzip, legacy. */
  public static List<String> candidates(String table, LocalDate d) {
    return List.of(datePath(table, d, false), datePath(table, d, true),
        table + "/game_date=" + d + ".ndjson", table + "/game_date=" + d + ".ndjson.gz");
  }

  /** The lines of one date of one table in a local output folder (any layout; none: empty). */
  public static List<String> readLines(Path outputDir, String table, LocalDate d)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (String rel : candidates(table, d)) {
      Path f = outputDir.resolve(rel);
      if (!Files.isRegularFile(f)) {
        continue;
      }
      InputStream raw = Files.newInputStream(f);
      try (BufferedReader r = new BufferedReader(new InputStreamReader(
          rel.endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.isEmpty()) {
            lines.add(line);
          }
        }
      }
    }
    return lines;
  }
}
