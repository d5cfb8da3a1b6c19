package com.nbaprops.mlfs.tools;

import com.nbaprops.mlfs.source.SourceFileIndex;
import com.nbaprops.mlfs.source.SourceTable;
import com.nbaprops.mlfs.source.SourceTable.Column;
import com.nbaprops.mlfs.util.Decimals;
import com.nbaprops.mlfs.util.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Writes source rows in the local layout of the data contract: {@code DIR/<table>/<file>.ndjson.gz},
 * one file per month and the folder's {@link SourceFileIndex}; one JSON object per line, NULL
 * columns omitted (as {@code bq extract} does). Deterministic: the same rows give byte-identical
 * files.
 */
public final class TableWriter {
  private TableWriter() {}

  public static <T extends Record> Map<String, Object> toJsonMap(SourceTable<T> table, T row) {
    java.util.function.Function<Object, Object>[] getters =
        com.nbaprops.mlfs.util.Accessors.getters(table.recordClass());
    Map<String, Object> m = new LinkedHashMap<>();
    for (Column c : table.columns()) {
      Object v = getters[c.index()].apply(row);
      if (v == null) {
        continue;
      }
      if (v instanceof LocalDate || v instanceof Instant) {
        v = v.toString();
      } else if (v instanceof Double d) {
        v = Decimals.plain(d);
      }
      m.put(c.name(), v);
    }
    return m;
  }

  /**
   * Writes the rows as one gzip NDJSON file per month of the table's date column, {@code
   * <stem>_YYYY-MM.ndjson.gz} (rows sorted by their JSON text for a stable order), and the
   * folder's {@link SourceFileIndex}, so that a run reads only the months of its window. Files of
   * an earlier write with the same stem are replaced.
   */
  public static <T extends Record> int write(Path dir, SourceTable<T> table, String fileStem,
      List<T> rows) throws IOException {
    Path folder = dir.resolve(table.name());
    Files.createDirectories(folder);
    removeEarlier(folder, fileStem);
    if (rows.isEmpty()) {
      writeLines(folder.resolve(fileStem + ".ndjson.gz"), List.of()); // an empty table, present
      return 0;
    }
    Map<YearMonth, List<T>> byMonth = new TreeMap<>();
    for (T r : rows) {
      byMonth.computeIfAbsent(YearMonth.from(table.dateOf(r)), m -> new ArrayList<>()).add(r);
    }
    List<SourceFileIndex.Entry> index = new ArrayList<>();
    for (Map.Entry<YearMonth, List<T>> month : byMonth.entrySet()) {
      List<T> monthRows = month.getValue();
      List<String> lines = monthRows.stream().map(r -> Json.write(toJsonMap(table, r)))
          .sorted(Comparator.naturalOrder()).toList();
      String name = fileStem + "_" + month.getKey() + ".ndjson.gz";
      writeLines(folder.resolve(name), lines);
      LocalDate first = monthRows.stream().map(table::dateOf).min(Comparator.naturalOrder())
          .orElseThrow();
      LocalDate last = monthRows.stream().map(table::dateOf).max(Comparator.naturalOrder())
          .orElseThrow();
      index.add(new SourceFileIndex.Entry(name, Files.size(folder.resolve(name)), lines.size(),
          first, last));
    }
    SourceFileIndex.write(folder, index);
    return rows.size();
  }

  /** The files {@code <stem>.ndjson.gz} and {@code <stem>_*.ndjson.gz}, and the index. */
  private static void removeEarlier(Path folder, String fileStem) throws IOException {
    try (DirectoryStream<Path> old =
        Files.newDirectoryStream(folder, fileStem + "{,_*}.ndjson.gz")) {
      for (Path f : old) {
        Files.delete(f);
      }
    }
    Files.deleteIfExists(folder.resolve(SourceFileIndex.FILE_NAME));
  }

  /** The nine source tables' rows; a null list means the table has no source (not written). */
  public record SourceData(
      List<com.nbaprops.mlfs.model.PlayerGameRow> games,
      List<com.nbaprops.mlfs.model.GameContextRow> context,
      List<com.nbaprops.mlfs.model.DailyCacheRow> cache,
      List<com.nbaprops.mlfs.model.CompositeFactorsRow> composite,
      List<com.nbaprops.mlfs.model.ShotZoneRow> shotZones,
      List<com.nbaprops.mlfs.model.TeamDefenseRow> teamDefense,
      List<com.nbaprops.mlfs.model.TeamGameRow> teamGames,
      List<com.nbaprops.mlfs.model.OddsPropRow> odds,
      List<com.nbaprops.mlfs.model.BettingProsPropRow> bettingPros) {}

  /** Writes every table of {@code d} under {@code DIR/<table>/} ({@link #write}); rows by table. */
  public static Map<String, Integer> writeAll(Path dir, String stem, SourceData d)
      throws IOException {
    Files.createDirectories(dir);
    Map<String, Integer> counts = new LinkedHashMap<>();
    put(counts, dir, stem, SourceTable.PLAYER_GAME_SUMMARY, d.games());
    put(counts, dir, stem, SourceTable.UPCOMING_PLAYER_GAME_CONTEXT, d.context());
    put(counts, dir, stem, SourceTable.PLAYER_DAILY_CACHE, d.cache());
    put(counts, dir, stem, SourceTable.PLAYER_COMPOSITE_FACTORS, d.composite());
    put(counts, dir, stem, SourceTable.PLAYER_SHOT_ZONE_ANALYSIS, d.shotZones());
    put(counts, dir, stem, SourceTable.TEAM_DEFENSE_ZONE_ANALYSIS, d.teamDefense());
    put(counts, dir, stem, SourceTable.TEAM_OFFENSE_GAME_SUMMARY, d.teamGames());
    put(counts, dir, stem, SourceTable.ODDS_API_PLAYER_POINTS_PROPS, d.odds());
    put(counts, dir, stem, SourceTable.BETTINGPROS_PLAYER_POINTS_PROPS, d.bettingPros());
    return counts;
  }

  private static <T extends Record> void put(Map<String, Integer> counts, Path dir, String stem,
      SourceTable<T> table, List<T> rows) throws IOException {
    if (rows != null) {
      counts.put(table.name(), write(dir, table, stem, rows));
    }
  }

  public static void writeLines(Path file, List<String> lines) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        GZIPOutputStream gz = new GZIPOutputStream(raw);
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8))) {
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
    }
  }
}
